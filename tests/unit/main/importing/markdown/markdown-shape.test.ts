import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../../../../../src/main/importing/markdown/parse-markdown'
import type { DocumentText } from '../../../../../src/shared/model'

/** Each block as its kind, text and shape fields, for readable expectations. */
function shaped(content: DocumentText): unknown[] {
  return content.segments.map(({ kind, start, end, ...shape }) => {
    const text = content.text.slice(start, end)
    return Object.keys(shape).length > 0 ? [kind, text, shape] : [kind, text]
  })
}

function marked(content: DocumentText): unknown[] {
  return (content.marks ?? []).map((mark) => {
    const text = content.text.slice(mark.start, mark.end)
    const detail = mark.href ?? mark.footnote
    return detail ? [mark.kind, text, detail] : [mark.kind, text]
  })
}

const read = (source: string) => parseMarkdown(source, 'notes.md').content

describe('parseMarkdown keeps the shape of a document', () => {
  it('keeps ordered lists with their start, numbers and nesting', () => {
    // Before: "3." became a bullet, and nested lists were joined into their parent item.
    const content = read(
      '# T\n\n3. Three\n4. Four\n   1. One\n      - bullet\n5. Five\n\n- [ ] a task\n',
    )
    expect(shaped(content).slice(1)).toEqual([
      ['list-item', 'Three', { ordinal: 3 }],
      ['list-item', 'Four', { ordinal: 4 }],
      ['list-item', 'One', { depth: 1, ordinal: 1 }],
      ['list-item', 'bullet', { depth: 2 }],
      ['list-item', 'Five', { ordinal: 5 }],
      ['list-item', 'a task'],
    ])
  })

  it('keeps a loose item’s paragraphs as its words, and a code block in it apart', () => {
    const content = read(
      '# T\n\n1. First paragraph.\n\n   Second paragraph.\n\n   ```\n   code\n   ```\n2. Next\n',
    )
    expect(shaped(content).slice(1)).toEqual([
      ['list-item', 'First paragraph. Second paragraph.', { ordinal: 1 }],
      ['code', 'code'],
      ['list-item', 'Next', { ordinal: 2 }],
    ])
  })

  it('keeps a table as cells, the header row first', () => {
    // Before: each row became one "a · b · c" line.
    const content = read(
      '# T\n\n| Date | *Height* |\n| --- | --: |\n| 3 March | 4.8 |\n| | 0.6 |\n',
    )
    expect(shaped(content).slice(1)).toEqual([
      ['table-cell', 'Date', { cell: { table: 0, row: 0, column: 0, isHeader: true } }],
      ['table-cell', 'Height', { cell: { table: 0, row: 0, column: 1, isHeader: true } }],
      ['table-cell', '3 March', { cell: { table: 0, row: 1, column: 0, isHeader: false } }],
      ['table-cell', '4.8', { cell: { table: 0, row: 1, column: 1, isHeader: false } }],
      ['table-cell', '0.6', { cell: { table: 0, row: 2, column: 1, isHeader: false } }],
    ])
    expect(marked(content)).toEqual([['emphasis', 'Height']])
  })

  it('keeps code blocks exactly as written: line breaks, indentation, repeated spaces', () => {
    // Before: a code block became a paragraph with its line breaks joined.
    const code = 'function f(a,  b) {\n  if (a) {\n\treturn b\n  }\n\n}'
    const content = read(`# T\n\n\`\`\`js\n${code}\n\`\`\`\n\n    indented  code\n      more\n`)
    expect(shaped(content).slice(1)).toEqual([
      ['code', code],
      ['code', 'indented  code\n  more'],
    ])
  })

  it('keeps emphasis, strong, code and links as marks over the plain text', () => {
    // Before: they vanished; the text stays the same plain text.
    const content = read(
      '# T\n\nSome *emphasis*, __strong *both*__, `a  <b> &amp;`, [a link](https://example.org/x) and <desk@example.org>.',
    )
    expect(content.text).toBe(
      'T\n\nSome emphasis, strong both, a <b> &amp;, a link and desk@example.org.',
    )
    expect(marked(content)).toEqual([
      ['emphasis', 'emphasis'],
      ['strong', 'strong both'],
      ['emphasis', 'both'],
      ['code', 'a <b> &amp;'],
      ['link', 'a link', 'https://example.org/x'],
      ['link', 'desk@example.org', 'mailto:desk@example.org'],
    ])
  })

  it('keeps the words of a javascript:, data:, http: or relative link, without a link', () => {
    const content = read(
      '# T\n\n[one](javascript:alert(1)) [two](data:text/html,x) [three](http://example.org) [four](./file.md) [five](#top) <http://example.org/six>',
    )
    expect(content.text).toBe('T\n\none two three four five http://example.org/six')
    expect(content.marks).toBeUndefined()
  })

  it('keeps headings with their level, quotes with their nesting', () => {
    const content = read('# T\n\n## Two\n\n#### Four\n\n> Once.\n>\n> > Twice.\n')
    expect(shaped(content).slice(1)).toEqual([
      ['heading', 'Two', { level: 2 }],
      ['heading', 'Four', { level: 4 }],
      ['quote', 'Once.'],
      ['quote', 'Twice.', { depth: 1 }],
    ])
  })

  it('reads GitHub footnotes: numbered references, the notes after the text', () => {
    const content = read(
      '# T\n\nFirst[^b] and second[^A].\n\n```\n[^b]: not a note in code\n```\n\n[^a]: Note *a*,\n  continued.\n[^b]: Note b.\n[^unused]: Never referenced.\n\nUnknown [^zzz] stays.\n',
    )
    expect(shaped(content).slice(1)).toEqual([
      ['paragraph', 'First1 and second2.'],
      ['code', '[^b]: not a note in code'],
      ['paragraph', 'Unknown [^zzz] stays.'],
      ['footnote', 'Note b.', { footnote: '1' }],
      ['footnote', 'Note a, continued.', { footnote: '2' }],
      ['footnote', 'Never referenced.', { footnote: '3' }],
    ])
    expect(marked(content)).toEqual([
      ['footnote-ref', '1', '1'],
      ['footnote-ref', '2', '2'],
      ['emphasis', 'a'],
    ])
  })

  it('takes a first heading of another level as a heading, not the title', () => {
    const content = parseMarkdown('## Not the title\n\nWords.', 'my-notes.md')
    expect(shaped(content.content)).toEqual([
      ['title', 'My notes'],
      ['heading', 'Not the title', { level: 2 }],
      ['paragraph', 'Words.'],
    ])
  })
})

describe('parseMarkdown on raw HTML in a README', () => {
  it('reads HTML blocks as a web page’s: tables as cells, badges dropped, nothing active', () => {
    const content = read(
      [
        '# Tool',
        '',
        '<p align="center"><a href="https://ci.example.org"><img src="https://img.shields.io/badge/ci-passing-green" alt="CI"></a></p>',
        '',
        '<table><tr><th>Option</th><th>Default</th></tr><tr><td><code>--port</code></td><td>80</td></tr></table>',
        '',
        '<details><summary>More</summary><p onclick="steal()">Hidden <a href="javascript:steal()">words</a>.</p><script>steal()</script></details>',
        '',
        '| after |',
        '| --- |',
        '| cell |',
      ].join('\n'),
    )
    expect(shaped(content).slice(1)).toEqual([
      ['table-cell', 'Option', { cell: { table: 0, row: 0, column: 0, isHeader: true } }],
      ['table-cell', 'Default', { cell: { table: 0, row: 0, column: 1, isHeader: true } }],
      ['table-cell', '--port', { cell: { table: 0, row: 1, column: 0, isHeader: false } }],
      ['table-cell', '80', { cell: { table: 0, row: 1, column: 1, isHeader: false } }],
      ['paragraph', 'More'],
      ['paragraph', 'Hidden words.'],
      ['table-cell', 'after', { cell: { table: 1, row: 0, column: 0, isHeader: true } }],
      ['table-cell', 'cell', { cell: { table: 1, row: 1, column: 0, isHeader: false } }],
    ])
    expect(marked(content)).toEqual([['code', '--port']])
    expect(JSON.stringify(content)).not.toMatch(/steal|onclick|javascript|shields/)
  })
})

describe('parseMarkdown on the shape guide', () => {
  const guide = readFileSync(resolve(__dirname, '../../../../fixtures/shape/guide.md'), 'utf8')
  const content = parseMarkdown(guide, 'guide.md').content

  it('keeps its table, code, nested ordered list starting at 3, marks and footnote', () => {
    const kinds = content.segments.map((s) => s.kind)
    expect(kinds.filter((k) => k === 'table-cell')).toHaveLength(20)
    expect(kinds.filter((k) => k === 'code')).toHaveLength(3)
    expect(content.segments.find((s) => s.kind === 'list-item')).toMatchObject({ ordinal: 3 })
    expect(content.segments.filter((s) => (s.depth ?? 0) === 2)).toHaveLength(2)
    expect(content.segments.at(-1)).toMatchObject({ kind: 'footnote', footnote: '1' })
    expect(new Set(content.marks?.map((m) => m.kind))).toEqual(
      new Set(['emphasis', 'strong', 'code', 'link', 'footnote-ref']),
    )
    const code = content.segments.find((s) => content.text.slice(s.start).startsWith('function'))!
    expect(content.text.slice(code.start, code.end)).toContain(
      "  if (minutes < 90) {\n    console.warn('Short window: ' + minutes + ' minutes')",
    )
  })
})
