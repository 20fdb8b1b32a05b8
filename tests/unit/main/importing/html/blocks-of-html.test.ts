import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { JSDOM } from 'jsdom'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import {
  blocksOfHtml,
  type HtmlReading,
} from '../../../../../src/main/importing/html/blocks-of-html'
import { assembleText } from '../../../../../src/main/importing/plain-text/assemble-text'
import type { DocumentText, Segment } from '../../../../../src/shared/model'
import { segmentSchema, markSchema } from '../../../../../src/main/store/schema'

/** The two DOMs the importers run on: the walker must read both alike. */
const doms: [string, (html: string) => Element][] = [
  ['jsdom', (html) => new JSDOM(html).window.document.body],
  ['linkedom', (html) => parseHTML(`<html><body>${html}</body></html>`).document.body],
]

const read = (body: (html: string) => Element, html: string, reading: HtmlReading = {}) =>
  assembleText(blocksOfHtml(body(html), reading))

/** Each block as its kind, text and shape fields, for readable expectations. */
function shaped(content: DocumentText): unknown[] {
  return content.segments.map((segment: Segment) => {
    const { kind, start, end, ...shape } = segment
    const text = content.text.slice(start, end)
    return Object.keys(shape).length > 0 ? [kind, text, shape] : [kind, text]
  })
}

/** Each mark as its kind, the text it covers and its link or label. */
function marked(content: DocumentText): unknown[] {
  return (content.marks ?? []).map((mark) => {
    const text = content.text.slice(mark.start, mark.end)
    return mark.href
      ? [mark.kind, text, mark.href]
      : mark.footnote
        ? [mark.kind, text, mark.footnote]
        : [mark.kind, text]
  })
}

describe.each(doms)('blocksOfHtml on %s', (_dom, body) => {
  it('keeps ordered lists with their numbers: start, value, reversed and nested depth', () => {
    // Before: every item was a bullet; a licence's "1. Definitions." lost its number.
    const content = read(
      body,
      '<ol><li><p>Definitions.</p></li><li>Grant.<ol><li>for the vessel;</li><li>for the period.</li></ol></li></ol>' +
        '<ol start="7"><li>Seven.</li><li value="9">Nine.</li><li>Ten.</li></ol>' +
        '<ol reversed><li>Three.</li><li>Two.</li><li>One.</li></ol>' +
        '<ul><li>A bullet.<ul><li>A nested bullet.</li></ul></li></ul>',
    )
    expect(shaped(content)).toEqual([
      ['list-item', 'Definitions.', { ordinal: 1 }],
      ['list-item', 'Grant.', { ordinal: 2 }],
      ['list-item', 'for the vessel;', { depth: 1, ordinal: 1 }],
      ['list-item', 'for the period.', { depth: 1, ordinal: 2 }],
      ['list-item', 'Seven.', { ordinal: 7 }],
      ['list-item', 'Nine.', { ordinal: 9 }],
      ['list-item', 'Ten.', { ordinal: 10 }],
      ['list-item', 'Three.', { ordinal: 3 }],
      ['list-item', 'Two.', { ordinal: 2 }],
      ['list-item', 'One.', { ordinal: 1 }],
      ['list-item', 'A bullet.'],
      ['list-item', 'A nested bullet.', { depth: 1 }],
    ])
  })

  it('keeps a table as cells with rows, columns and header cells', () => {
    // Before: each row became one "a · b · c" line.
    const content = read(
      body,
      '<table><caption>Fees</caption><thead><tr><th>Length</th><th>Fee</th></tr></thead>' +
        '<tbody><tr><td>Under <em>8 m</em></td><td>£310</td></tr><tr><td colspan="2">Ask</td></tr><tr><th>Total</th><td></td></tr></tbody></table>' +
        '<table><tr><td>Second table</td></tr></table>',
    )
    expect(shaped(content)).toEqual([
      ['figure-caption', 'Fees'],
      ['table-cell', 'Length', { cell: { table: 0, row: 0, column: 0, isHeader: true } }],
      ['table-cell', 'Fee', { cell: { table: 0, row: 0, column: 1, isHeader: true } }],
      ['table-cell', 'Under 8 m', { cell: { table: 0, row: 1, column: 0, isHeader: false } }],
      ['table-cell', '£310', { cell: { table: 0, row: 1, column: 1, isHeader: false } }],
      ['table-cell', 'Ask', { cell: { table: 0, row: 2, column: 0, isHeader: false } }],
      ['table-cell', 'Total', { cell: { table: 0, row: 3, column: 0, isHeader: true } }],
      ['table-cell', 'Second table', { cell: { table: 1, row: 0, column: 0, isHeader: false } }],
    ])
    expect(marked(content)).toEqual([['emphasis', '8 m']])
  })

  it('places cells beside a cell spanning rows in the columns after it', () => {
    const content = read(
      body,
      '<table><tr><th rowspan="2">Tide</th><td>High</td><td>06:12</td></tr><tr><td>Low</td><td>12:31</td></tr><tr><td colspan="2" rowspan="2">Note</td><td>x</td></tr><tr><td>y</td></tr></table>',
    )
    expect(
      content.segments.map((s) => [
        content.text.slice(s.start, s.end),
        s.cell?.row,
        s.cell?.column,
      ]),
    ).toEqual([
      ['Tide', 0, 0],
      ['High', 0, 1],
      ['06:12', 0, 2],
      ['Low', 1, 1],
      ['12:31', 1, 2],
      ['Note', 2, 0],
      ['x', 2, 2],
      ['y', 3, 2],
    ])
  })

  it('reads a table that lays out tables as blocks, and numbers tables through a book', () => {
    const counters = { tables: 4 }
    const content = read(
      body,
      '<table><tr><td><p>Layout words.</p><table><tr><td>Inner</td></tr></table></td></tr></table>',
      { counters },
    )
    expect(shaped(content)).toEqual([
      ['paragraph', 'Layout words.'],
      ['table-cell', 'Inner', { cell: { table: 4, row: 0, column: 0, isHeader: false } }],
    ])
    expect(counters.tables).toBe(5)
  })

  it('keeps a code block exactly: line breaks and indentation, no spaces collapsed', () => {
    // Before: code became prose with its line breaks joined.
    const content = read(
      body,
      '<pre><code>\nfunction f(a,  b) {\n\tif (a) {\n    return b\n  }\n}\n\n</code></pre><pre>one<br>  two</pre>',
    )
    expect(shaped(content)).toEqual([
      ['code', 'function f(a,  b) {\n\tif (a) {\n    return b\n  }\n}'],
      ['code', 'one\n  two'],
    ])
  })

  it('keeps emphasis, strong, code and links as marks over the plain text', () => {
    // Before: all inline formatting vanished.
    const content = read(
      body,
      '<p>Some <em>emphasis</em>, <b>bold <i>both</i></b>, <code>x  =  1</code>, <a href="https://example.org/a?b=1">a link</a> and <a href="mailto:desk@example.org">mail</a>.</p>',
    )
    expect(content.text).toBe('Some emphasis, bold both, x = 1, a link and mail.')
    expect(marked(content)).toEqual([
      ['emphasis', 'emphasis'],
      ['strong', 'bold both'],
      ['emphasis', 'both'],
      ['code', 'x = 1'],
      ['link', 'a link', 'https://example.org/a?b=1'],
      ['link', 'mail', 'mailto:desk@example.org'],
    ])
  })

  it('keeps the text of a javascript:, data:, http: or relative link, without a link', () => {
    const content = read(
      body,
      '<p><a href="javascript:alert(1)">one</a> <a href=" JaVaScRiPt:alert(1)">two</a> <a href="data:text/html,x">three</a> <a href="http://example.org">four</a> <a href="/relative">five</a> <a href="https://user:pw@example.org">six</a> <a href="vbscript:x">seven</a></p>',
    )
    expect(content.text).toBe('one two three four five six seven')
    expect(content.marks).toBeUndefined()
  })

  it('lets no attribute of the page reach the model: handlers, styles, classes, ids', () => {
    const content = read(
      body,
      '<h2 onclick="steal()" style="color:red" class="x" id="top">Title</h2><p onmouseover="steal()" data-x="steal">Words <a href="https://example.org" onclick="steal()" target="_blank" rel="opener">here</a>.</p><ol start="2" onclick="steal()"><li value="5" onfocus="steal()">Five</li></ol>',
    )
    const stored = JSON.stringify(content)
    expect(stored).not.toMatch(/steal|onclick|onmouseover|style|class|target|opener|data-x/)
    for (const segment of content.segments)
      expect(segmentSchema.strict().parse(segment)).toEqual(segment)
    for (const mark of content.marks ?? []) expect(markSchema.strict().parse(mark)).toEqual(mark)
  })

  it('keeps headings with their level, quotes with their nesting', () => {
    const content = read(
      body,
      '<h1>One</h1><h4>Four</h4><blockquote><p>Said once.</p><blockquote>Said twice.</blockquote></blockquote>',
    )
    expect(shaped(content)).toEqual([
      ['heading', 'One', { level: 1 }],
      ['heading', 'Four', { level: 4 }],
      ['quote', 'Said once.'],
      ['quote', 'Said twice.', { depth: 1 }],
    ])
  })

  it('reads footnotes marked with epub:type, ARIA roles, or a superscript link to an anchor', () => {
    const content = read(
      body,
      '<p>Typed.<a epub:type="noteref" href="#n1">1</a> Roled.<a role="doc-noteref" href="#n2">[2]</a> Bare.<sup id="r3"><a href="#fn3">3</a></sup></p>' +
        '<aside epub:type="footnote" id="n1"><p>The first note.</p></aside>' +
        '<ol><li role="doc-footnote" id="n2">The second note. <a role="doc-backlink" href="#x">↩</a></li></ol>' +
        '<p id="fn3"><a href="#r3">3</a> The third note.</p>',
    )
    expect(shaped(content)).toEqual([
      ['paragraph', 'Typed.1 Roled.[2] Bare.3'],
      ['footnote', 'The first note.', { footnote: '1' }],
      ['footnote', 'The second note.', { footnote: '2' }],
      ['footnote', 'The third note.', { footnote: '3' }],
    ])
    expect(marked(content)).toEqual([
      ['footnote-ref', '1', '1'],
      ['footnote-ref', '[2]', '2'],
      ['footnote-ref', '3', '3'],
    ])
  })

  it('keeps a section a superscript link points to as a section, not a note', () => {
    const content = read(
      body,
      '<p>See part<sup><a href="#part-2">2</a></sup>.</p><section id="part-2"><h2>Part two</h2><p>Its words.</p></section><div id="box"><p>One.</p><ul><li>Two.</li></ul></div><p>Box<sup><a href="#box">b</a></sup>.</p>',
    )
    expect(shaped(content)).toEqual([
      ['paragraph', 'See part2.'],
      ['heading', 'Part two', { level: 2 }],
      ['paragraph', 'Its words.'],
      ['paragraph', 'One.'],
      ['list-item', 'Two.'],
      ['paragraph', 'Boxb.'],
    ])
  })

  it('gives a figure one caption: the stored picture with its alt text, then the figcaption', () => {
    const content = read(
      body,
      '<figure><img src="heron.png" alt="A grey heron"><figcaption><p>The heron</p><p>at dawn.</p></figcaption></figure>' +
        '<figure><img src="https://example.org/remote.jpg" alt="A remote heron"><figcaption>Only this caption.</figcaption></figure>',
      { assetOf: (src) => (src === 'heron.png' ? '0123456789abcdef.png' : null) },
    )
    expect(shaped(content)).toEqual([
      ['figure-alt', 'A grey heron', { asset: '0123456789abcdef.png' }],
      ['figure-caption', 'The heron at dawn.'],
      ['figure-caption', 'Only this caption.'],
    ])
  })

  it('drops badges and keeps a remote picture’s alt text inline, never as a block of its own', () => {
    // Before: README badges became a large "picture not included" box each.
    const content = read(
      body,
      '<p><a href="https://ci.example.org"><img src="https://img.shields.io/badge/build-passing-green" alt="build passing"></a> <img src="https://example.org/b.svg" alt="coverage"> <img src="https://camo.githubusercontent.com/0a1b" data-canonical-src="https://img.shields.io/npm/v/tool" alt="npm"></p>' +
        '<p>Press <img src="https://example.org/key.png" alt="the Enter key"> to go on.</p><p><img src="https://example.org/x.png" alt="image.png"></p>',
    )
    expect(shaped(content)).toEqual([['paragraph', 'Press the Enter key to go on.']])
  })

  it('keeps the alt text of a book’s own picture that is not stored, as a figure', () => {
    const content = read(body, '<p><img src="drawing.svg" alt="A drawing"></p>', {
      isPictureInDocument: (src) => src === 'drawing.svg',
    })
    expect(shaped(content)).toEqual([['figure-alt', 'A drawing']])
  })
})

describe('blocksOfHtml within the schema’s bounds, whatever the page', () => {
  // linkedom: jsdom takes seconds to build these pages, and overflows its stack building the deepest.
  const body = doms[1]![1]

  it('reads a table of 100,000 cells, each a cell of its own', () => {
    const row = `<tr>${'<td>x</td>'.repeat(10)}</tr>`
    const content = read(body, `<table>${row.repeat(10_000)}</table>`)
    expect(content.segments).toHaveLength(100_000)
    expect(content.segments.at(-1)?.cell).toEqual({
      table: 0,
      row: 9_999,
      column: 9,
      isHeader: false,
    })
  })

  it('keeps the words of columns past the last the store places, in the last cell', () => {
    const content = read(body, `<table><tr>${'<td>w</td>'.repeat(1_005)}</tr></table>`)
    expect(content.segments).toHaveLength(1_001)
    expect(content.segments.at(-1)).toMatchObject({ cell: { column: 1000 } })
    expect(content.text.match(/w/g)).toHaveLength(1_005)
    expect(
      read(body, '<table><tr><td colspan="99999999">a</td><td>b</td></tr></table>').segments[1],
    ).toMatchObject({ cell: { column: 1000 } })
  })

  it('clamps list numbers and nesting to what the store holds', () => {
    const content = read(
      body,
      `<ol start="1000000000000"><li>Huge</li></ol><ol start="-99999999999999999999"><li>Tiny</li></ol>${'<ul><li>deeper'.repeat(300)}`,
    )
    expect(content.segments[0]).toMatchObject({ ordinal: 1_000_000_000 })
    expect(content.segments[1]).toMatchObject({ ordinal: -1_000_000_000 })
    expect(Math.max(...content.segments.map((s) => s.depth ?? 0))).toBe(32)
    expect(content.text.match(/deeper/g)).toHaveLength(300)
    for (const segment of content.segments)
      expect(segmentSchema.safeParse(segment).success).toBe(true)
  })

  it('reads nesting 10,000 deep without overflowing the stack, keeping the words', () => {
    const depth = 10_000
    const content = read(body, '<ol><li>item <blockquote>'.repeat(depth / 2))
    expect(content.text.match(/item/g)).toHaveLength(depth / 2)
    for (const segment of content.segments)
      expect(segmentSchema.safeParse(segment).success).toBe(true)
  })
})

describe('blocksOfHtml on the shape fixture page', () => {
  const page = readFileSync(
    resolve(__dirname, '../../../../fixtures/shape/numbered-page.html'),
    'utf8',
  )

  it.each(doms)('numbers the licence’s sections as the page does, on %s', (_dom, body) => {
    const html = /<body>([\s\S]*)<\/body>/.exec(page)![1]!
    const content = read(body, html)
    const ordinals = content.segments
      .filter((s) => s.kind === 'list-item' && !s.depth)
      .map((s) => s.ordinal)
    expect(ordinals).toEqual([1, 2, 3, 4, 5, 6, 7, 9, undefined, undefined])
    expect(content.segments.filter((s) => s.kind === 'table-cell')).toHaveLength(12)
    expect(content.segments.find((s) => s.kind === 'code')).toBeDefined()
  })
})
