import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  flattenDeepMarkup,
  maxMarkupDepth,
} from '../../../../../src/main/importing/html/flatten-deep-markup'

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '../../../../fixtures/html', name), 'utf8')

const nested = (depth: number, inner: string, tag = 'div') =>
  `${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}`

/** The words of markup, tags dropped: what flattening must never lose. */
const wordsOf = (markup: string) =>
  markup
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter(Boolean)

describe('flattenDeepMarkup', () => {
  it('leaves real pages exactly as they are', () => {
    for (const name of ['article.html', 'xss-vectors.html']) {
      const page = fixture(name)
      const flattened = flattenDeepMarkup(page, 'html')
      expect(flattened.isFlattened).toBe(false)
      expect(flattened.markup).toBe(page)
      expect(flattened.depth).toBeLessThan(maxMarkupDepth)
    }
  })

  it('measures nesting and cuts it at the limit, keeping every word', () => {
    const page = `<body>${nested(10, '<p>Grey herons <b>wait</b> by the river.</p>')}</body>`
    const flattened = flattenDeepMarkup(page, 'html', 4)
    expect(flattened.depth).toBe(11)
    expect(flattened.isFlattened).toBe(true)
    expect(flattened.markup).toBe(
      `<body>${'<div>'.repeat(4)}<p>${' '.repeat(5)}<p>Grey herons wait by the river.</p>${' '.repeat(5)}</p>${'</div>'.repeat(4)}</body>`,
    )
    expect(wordsOf(flattened.markup)).toEqual(wordsOf(page))
  })

  it('does not count elements that close themselves or have optional end tags', () => {
    const items = '<ul>' + '<li>an item<p>a paragraph<br><img src="x.png">'.repeat(1000) + '</ul>'
    const flattened = flattenDeepMarkup(items, 'html', 4)
    expect(flattened.depth).toBe(1)
    expect(flattened.isFlattened).toBe(false)
  })

  it('counts "<div/>", which HTML opens, but not "<path/>" inside SVG', () => {
    expect(flattenDeepMarkup('<div/>'.repeat(300), 'html').depth).toBe(300)
    expect(flattenDeepMarkup(`<svg>${'<path/>'.repeat(300)}</svg>`, 'html').depth).toBe(1)
  })

  it('reads no tags inside scripts, styles, comments or quoted attribute values', () => {
    const page = [
      `<script>const s = "${'<div>'.repeat(300)}"</script>`,
      `<style>/* ${'<div>'.repeat(300)} */</style>`,
      `<!-- ${'<div>'.repeat(300)} -->`,
      `<p title="${'<div>'.repeat(300)}">text</p>`,
    ].join('')
    expect(flattenDeepMarkup(page, 'html')).toEqual({ markup: page, depth: 1, isFlattened: false })
  })

  it('counts every element of XML, where "<p>" nests too', () => {
    const chapter = `<?xml version="1.0"?><html><body>${nested(300, 'deep words', 'p')}</body></html>`
    const flattened = flattenDeepMarkup(chapter, 'xml')
    expect(flattened.depth).toBe(302)
    expect(wordsOf(flattened.markup)).toEqual(wordsOf(chapter))
    // Start and end tags are dropped in pairs, the deep part one paragraph: still well formed.
    const opens = flattened.markup.match(/<p>/g)?.length
    const closes = flattened.markup.match(/<\/p>/g)?.length
    expect(opens).toBe(closes)
    expect(opens).toBe(maxMarkupDepth - 2 + 1)
  })

  it('flattens a page nested 100,000 levels deep in one pass', () => {
    const page = `<html><body>${nested(100_000, '<p>Deep.</p>')}</body></html>`
    const flattened = flattenDeepMarkup(page, 'html')
    expect(flattened.depth).toBe(100_000)
    expect(flattened.markup.match(/<div>/g)?.length).toBe(maxMarkupDepth)
  })
})
