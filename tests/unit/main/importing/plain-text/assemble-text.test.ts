import { describe, expect, it } from 'vitest'
import { assembleText } from '../../../../../src/main/importing/plain-text/assemble-text'
import { InlineText } from '../../../../../src/main/importing/plain-text/inline-text'

describe('InlineText', () => {
  it('collapses whitespace as a browser shows it, and marks exactly the words', () => {
    const run = new InlineText()
    run.add('  Some\n\t')
    const start = run.position
    run.add(' emphasised  words ')
    run.mark('emphasis', start)
    run.addSpace()
    run.add('and a tail.  ')
    const empty = run.position
    run.mark('strong', empty)
    expect(run.finish()).toEqual({
      text: 'Some emphasised words and a tail.',
      marks: [{ kind: 'emphasis', start: 5, end: 21 }],
    })
  })

  it('sorts marks by start, the outer of two at one start first', () => {
    const run = new InlineText()
    const outer = run.position
    const inner = run.position
    run.add('both')
    run.mark('emphasis', inner)
    run.add(' more')
    run.mark('strong', outer)
    expect(run.finish().marks.map((m) => [m.kind, m.start, m.end])).toEqual([
      ['strong', 0, 9],
      ['emphasis', 0, 4],
    ])
  })
})

describe('assembleText', () => {
  it('gives each block its shape, and its marks offsets into the whole text', () => {
    const content = assembleText([
      { kind: 'title', text: 'Title' },
      {
        kind: 'list-item',
        text: 'Seven items',
        ordinal: 7,
        depth: 1,
        marks: [{ kind: 'strong', start: 0, end: 5 }],
      },
      {
        kind: 'table-cell',
        text: 'Cell',
        cell: { table: 0, row: 0, column: 0, isHeader: true },
        marks: [
          { kind: 'link', start: 0, end: 99, href: 'https://example.org/' },
          { kind: 'code', start: 3, end: 3 },
        ],
      },
    ])
    expect(content).toEqual({
      text: 'Title\n\nSeven items\n\nCell',
      segments: [
        { kind: 'title', start: 0, end: 5 },
        { kind: 'list-item', start: 7, end: 18, ordinal: 7, depth: 1 },
        {
          kind: 'table-cell',
          start: 20,
          end: 24,
          cell: { table: 0, row: 0, column: 0, isHeader: true },
        },
      ],
      marks: [
        { kind: 'strong', start: 7, end: 12 },
        { kind: 'link', start: 20, end: 24, href: 'https://example.org/' },
      ],
    })
  })

  it('leaves marks out when there are none', () => {
    expect(assembleText([{ kind: 'paragraph', text: 'Plain.' }])).toEqual({
      text: 'Plain.',
      segments: [{ kind: 'paragraph', start: 0, end: 6 }],
    })
  })
})
