import { describe, expect, it } from 'vitest'
import { parsePageDocument } from '../../../../../src/main/importing/html/page-document'

const shapeOf = (document: Document) =>
  [...document.documentElement.children].map((child) => child.localName)

describe('parsePageDocument', () => {
  it('parses a whole page as written', () => {
    const document = parsePageDocument(
      '<!doctype html><html lang="en"><head><title>Herons</title></head><body><p>They wait.</p></body></html>',
    )
    expect(shapeOf(document)).toEqual(['head', 'body'])
    expect(document.title).toBe('Herons')
    expect(document.body.innerHTML).toBe('<p>They wait.</p>')
  })

  it.each([
    ['bare paragraphs', '<p>They wait.<p>They fish.', 'They wait.They fish.'],
    ['words alone', 'Just words', 'Just words'],
    ['nothing', '', ''],
    ['an <html> without a <body>', '<html><p>They wait.</p></html>', 'They wait.'],
  ])('gives %s a body, as a browser does', (_what, markup, words) => {
    const document = parsePageDocument(markup)
    expect(shapeOf(document)).toEqual(['head', 'body'])
    expect(document.body.textContent).toBe(words)
  })

  it('moves what stands outside the body into it, in order', () => {
    const document = parsePageDocument(
      '<html><head></head><p>Before.</p><body><p>Inside.</p></body><p>After.</p></html><p>Last.</p>',
    )
    expect(shapeOf(document)).toEqual(['head', 'body'])
    expect(document.body.textContent).toBe('Before.Inside.After.Last.')
  })

  it('runs no script and evaluates no handler while parsing', () => {
    const seen = globalThis as { __parsed?: unknown }
    parsePageDocument(
      '<html><body onload="globalThis.__parsed=1"><script>globalThis.__parsed=2</script><img src=x onerror="globalThis.__parsed=3"></body></html>',
    )
    expect(seen.__parsed).toBeUndefined()
  })
})
