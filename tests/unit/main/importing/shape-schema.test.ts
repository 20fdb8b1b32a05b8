import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../../../../src/main/importing/import-format'
import { contentFileSchema } from '../../../../src/main/store/schema'
import type { DocumentText } from '../../../../src/shared/model'
import { makeShapeEpub } from '../../../support/epub-fixture'

const fixture = (path: string) => readFileSync(resolve(__dirname, '../../../fixtures', path))
const utf8 = (text: string) => new TextEncoder().encode(text)

/** What an import stores of a file: its text, blocks and marks, as the content file holds them. */
function contentOf(fileName: string, bytes: Uint8Array): DocumentText {
  const read = readDocument(bytes, fileName)
  if (!read.ok) throw new Error(read.error.message)
  return read.value.parsed.content
}

function contentFile(content: DocumentText) {
  return contentFileSchema.safeParse({
    schemaVersion: 3,
    documentId: 'doc-1',
    revision: { id: 'rev-1', hash: 'a'.repeat(64), createdAt: '2026-11-28T09:00:00.000Z' },
    ...content,
  })
}

/** Kinds of blocks and marks, and shape fields used, over a whole document. */
function shapeOf(content: DocumentText) {
  return {
    kinds: new Set(content.segments.map((s) => s.kind)),
    marks: new Set((content.marks ?? []).map((m) => m.kind)),
    ordinals: content.segments.flatMap((s) => (s.ordinal === undefined ? [] : [s.ordinal])),
    maxDepth: Math.max(0, ...content.segments.map((s) => s.depth ?? 0)),
  }
}

const rich: [string, string, () => Uint8Array][] = [
  ['a Markdown guide', 'guide.md', () => fixture('shape/guide.md')],
  [
    'a web page with numbered lists and a table',
    'numbered-page.html',
    () => fixture('shape/numbered-page.html'),
  ],
  ['an EPUB with a figure and footnotes', 'shape.epub', makeShapeEpub],
  [
    'a licence as plain text',
    'LICENSE',
    () => readFileSync(resolve(__dirname, '../../../../bench/pages/LICENSE-Apache-2.0.txt')),
  ],
]

describe('a rich document’s shape fits the content file', () => {
  it.each(rich)('%s gives content the schema accepts', (_name, fileName, bytes) => {
    const checked = contentFile(contentOf(fileName, bytes()))
    expect(checked.success ? [] : checked.error.issues).toEqual([])
  })

  it('the Markdown guide keeps its table, code, nested list from 3, marks and footnote', () => {
    const shape = shapeOf(contentOf('guide.md', fixture('shape/guide.md')))
    expect([...shape.kinds]).toEqual(
      expect.arrayContaining(['heading', 'table-cell', 'code', 'list-item', 'quote', 'footnote']),
    )
    expect([...shape.marks].sort()).toEqual(['code', 'emphasis', 'footnote-ref', 'link', 'strong'])
    expect(shape.ordinals.slice(0, 3)).toEqual([3, 4, 1])
    expect(shape.maxDepth).toBe(2)
  })

  it('the web page keeps its numbers (start 6, value 9), its table and its links', () => {
    const shape = shapeOf(contentOf('numbered-page.html', fixture('shape/numbered-page.html')))
    expect(shape.ordinals).toEqual([1, 2, 1, 2, 3, 4, 5, 6, 7, 9])
    expect([...shape.kinds]).toEqual(expect.arrayContaining(['table-cell', 'code', 'list-item']))
    expect(shape.marks).toContain('link')
  })

  it('the EPUB keeps one caption for its figure, its footnotes and its table', () => {
    const content = contentOf('shape.epub', makeShapeEpub())
    const figure = content.segments.filter((s) => s.kind.startsWith('figure-'))
    expect(figure.map((s) => [s.kind, content.text.slice(s.start, s.end)])).toEqual([
      ['figure-alt', 'A grey heron standing in shallow water'],
      ['figure-caption', 'The grey heron at dawn.'],
    ])
    expect(figure[0]?.asset).toMatch(/^[0-9a-f]{16}\.png$/)
    expect(content.segments.filter((s) => s.kind === 'footnote').map((s) => s.footnote)).toEqual([
      '1',
      '2',
      '3',
    ])
    expect(content.marks?.filter((m) => m.kind === 'footnote-ref')).toHaveLength(3)
    expect(content.segments.filter((s) => s.kind === 'table-cell')).toHaveLength(6)
  })
})

describe('what is kept of a hostile document is only Lectern’s own shape', () => {
  const links =
    '<a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a> <a href="http://plain.example">plain</a> <a href="https://ok.example/" onclick="steal()">ok</a>'
  const hostile: [string, string][] = [
    [
      'hostile.html',
      `<html><head><title>Hostile</title></head><body><main><h1>Hostile</h1><p onclick="steal()" style="x">${links}</p><ol start="1000000000000" onmouseover="steal()"><li value="-99999999999999">Huge</li></ol></main></body></html>`,
    ],
    [
      'hostile.md',
      '# Hostile\n\n[js](javascript:alert(1)) [data](data:text/html,x) [plain](http://plain.example) [ok](https://ok.example/) <b onclick="steal()">bold</b>\n',
    ],
  ]

  it.each(hostile)('“%s”: no javascript:, data: or http: link, no handler', (fileName, source) => {
    const content = contentOf(fileName, utf8(source))
    expect(content.text).toContain('js data plain ok')
    expect(content.marks?.filter((m) => m.kind === 'link').map((m) => m.href)).toEqual([
      'https://ok.example/',
    ])
    expect(JSON.stringify(content)).not.toMatch(
      /javascript|data:|http:|onclick|onmouseover|steal|style/,
    )
    const checked = contentFile(content)
    expect(checked.success ? [] : checked.error.issues).toEqual([])
  })

  it('clamps a list number of 1e12 to what the store holds, keeping the item', () => {
    const content = contentOf('hostile.html', utf8(hostile[0]![1]))
    const item = content.segments.find((s) => s.kind === 'list-item')
    expect(item?.ordinal).toBe(-1_000_000_000)
    expect(content.text).toContain('Huge')
  })

  it('reads a web page with a table of 100,000 cells, each placed, within the schema', () => {
    const row = `<tr>${'<td>c</td>'.repeat(100)}</tr>`
    const page = `<html><head><title>Table</title></head><body><main><table>${row.repeat(1_000)}</table></main></body></html>`
    const content = contentOf('table.html', utf8(page))
    expect(content.segments.filter((s) => s.kind === 'table-cell')).toHaveLength(100_000)
    const checked = contentFile(content)
    expect(checked.success ? [] : checked.error.issues).toEqual([])
  })

  it('reads Markdown lists nested 10,000 deep and a table of 100,000 cells within the schema', () => {
    const nested = `${'- '.repeat(10_000)}the deepest words\n${'> '.repeat(10_000)}quoted words`
    const table = `| ${'h | '.repeat(100)}\n|${'---|'.repeat(100)}\n${`| ${'c | '.repeat(100)}\n`.repeat(999)}`
    const content = contentOf('deep.md', utf8(`# Deep\n\n${nested}\n\n${table}`))
    expect(content.text).toContain('the deepest words')
    expect(content.text).toContain('quoted words')
    expect(content.segments.filter((s) => s.kind === 'table-cell')).toHaveLength(100_000)
    const checked = contentFile(content)
    expect(checked.success ? [] : checked.error.issues).toEqual([])
  })
})
