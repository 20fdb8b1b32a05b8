import { describe, expect, it } from 'vitest'
import {
  flattenDeepMarkdown,
  maxMarkdownDepth,
} from '../../../../../src/main/importing/markdown/flatten-deep-markdown'
import { parseMarkdown } from '../../../../../src/main/importing/markdown/parse-markdown'

describe('flattenDeepMarkdown', () => {
  it('leaves ordinary notes exactly as they are', () => {
    const notes =
      '# Field notes\n\n> A heron\n> > by the river.\n\n- one\n  - two\n    1. three\n\n    code\n'
    expect(flattenDeepMarkdown(notes)).toBe(notes)
  })

  it('drops quote and list markers past the limit, keeping the words', () => {
    expect(flattenDeepMarkdown('> > > > deep words', 2)).toBe('> > deep words')
    expect(flattenDeepMarkdown('- 1. * + deep words', 2)).toBe('- 1. deep words')
  })

  it('cuts indentation past what the limit of list levels needs', () => {
    expect(flattenDeepMarkdown(`${' '.repeat(200)}- deep`, 2)).toBe(`${' '.repeat(8)}- deep`)
  })
})

describe('parseMarkdown on deeply nested quotes and lists', () => {
  // Before: 2,500 nested quotes overflowed the stack ("Maximum call stack size exceeded").
  it.each([
    ['quotes', `${'>'.repeat(10_000)} deep words\n`],
    ['quotes in lists', `${'> - '.repeat(5_000)}deep words\n`],
    ['lists', Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- item\n`).join('')],
  ])('reads %s nested thousands of levels deep, keeping the words', (_, source) => {
    const parsed = parseMarkdown(source, 'deep.md')
    expect(parsed.title).toBe('Deep')
    expect(parsed.content.text).toMatch(/deep words|item/)
  })

  it('keeps nesting up to the limit as quotes', () => {
    const parsed = parseMarkdown(`${'>'.repeat(maxMarkdownDepth)} deep words\n`, 'deep.md')
    expect(parsed.content.segments.map((s) => s.kind)).toEqual(['title', 'quote'])
  })
})
