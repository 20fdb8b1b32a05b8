import { describe, expect, it } from 'vitest'
import { chunkBlocks, chunkElements } from '../../../src/renderer/src/lib/article-blocks'
import { blockElements } from '../../../src/renderer/src/lib/block-elements'
import { MarkIndex } from '../../../src/renderer/src/lib/inline-marks'
import type { DocumentText } from '../../../src/shared/model'
import { ShapedText } from './support/shaped-text'

const indexed = (content: DocumentText) =>
  content.segments.map((segment, index) => ({ index, segment }))
const render = (content: DocumentText) => {
  const article = document.createElement('article')
  article.append(
    ...blockElements(document, indexed(content), content.text, new MarkIndex(content.marks)),
  )
  return article
}

describe('the blocks of a shaped document', () => {
  it('number an ordered list from its own start, with the numbers outside the text', () => {
    const content = new ShapedText()
      .block({ kind: 'list-item', ordinal: 7 }, 'Read the ', ['table', { kind: 'emphasis' }], '.')
      .block({ kind: 'list-item', ordinal: 8, depth: 0 }, 'Check the gauge.')
      .block({ kind: 'list-item', depth: 1 }, 'In a north-east wind.')
      .block({ kind: 'list-item', ordinal: 9 }, 'Launch.')
      .build()
    const article = render(content)
    const list = article.querySelector('ol.list')!
    const items = [...list.querySelectorAll('li')]
    expect(items.map((li) => li.dataset['marker'])).toEqual(['7.', '8.', '◦', '9.'])
    expect(items.map((li) => li.getAttribute('value'))).toEqual(['7', '8', null, '9'])
    expect(items[2]!.style.getPropertyValue('--depth')).toBe('1')
    // The text of every item is exactly its segment: no "7." in it.
    expect(items.map((li) => li.textContent)).toEqual(
      content.segments.map((s) => content.text.slice(s.start, s.end)),
    )
    expect(items[0]!.innerHTML).toBe('Read the <em>table</em>.')
  })

  it('bullet an unordered list', () => {
    const content = new ShapedText()
      .block({ kind: 'list-item' }, 'Tides and currents')
      .block({ kind: 'list-item' }, 'The gauge archive')
      .build()
    const list = render(content).querySelector('ul.list')!
    expect([...list.children].map((li) => li.getAttribute('data-marker'))).toEqual(['•', '•'])
  })

  it('make a table of its cells, the header row its head, in a box that scrolls', () => {
    const cell = (row: number, column: number, isHeader = false) => ({
      kind: 'table-cell' as const,
      cell: { table: 0, row, column, isHeader },
    })
    const content = new ShapedText()
      .block(cell(0, 0, true), 'Date')
      .block(cell(0, 1, true), 'Height')
      .block(cell(1, 0), '3 March')
      .block(cell(1, 1), ['4.8', { kind: 'strong' }])
      .block(cell(2, 0, true), 'Mean')
      .block(cell(2, 1), '4.6')
      .build()
    const box = render(content).querySelector('.table-box')!
    expect(box.getAttribute('role')).toBe('region')
    expect(box.getAttribute('aria-label')).toBe('Table 1')
    expect(box.getAttribute('tabindex')).toBe('0')
    const table = box.querySelector('table')!
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Date',
      'Height',
    ])
    expect(table.querySelector('thead th')!.getAttribute('scope')).toBe('col')
    const rows = [...table.querySelectorAll('tbody tr')]
    expect(rows.map((tr) => [...tr.children].map((c) => c.tagName + ':' + c.textContent))).toEqual([
      ['TD:3 March', 'TD:4.8'],
      ['TH:Mean', 'TD:4.6'],
    ])
    expect(rows[1]!.querySelector('th')!.getAttribute('scope')).toBe('row')
    // Short cells keep to one line: a narrow column scrolls the table rather than break "3 March".
    expect(rows[0]!.querySelector('td')!.className).toBe('is-short')
    expect(
      [...table.querySelectorAll('[data-segment-index]')].map((c) =>
        c.getAttribute('data-segment-index'),
      ),
    ).toEqual(['0', '1', '2', '3', '4', '5'])
  })

  it('start a new table when the next table begins right after one', () => {
    const content = new ShapedText()
      .block({ kind: 'table-cell', cell: { table: 0, row: 0, column: 0, isHeader: false } }, 'a')
      .block({ kind: 'table-cell', cell: { table: 1, row: 0, column: 0, isHeader: false } }, 'b')
      .build()
    const boxes = render(content).querySelectorAll('.table-box')
    expect([...boxes].map((box) => box.getAttribute('aria-label'))).toEqual(['Table 1', 'Table 2'])
  })

  it('keep a cell in its column when the cells before it had no words', () => {
    const content = new ShapedText()
      .block(
        { kind: 'table-cell', cell: { table: 0, row: 0, column: 0, isHeader: true } },
        'Ferris',
      )
      .block(
        { kind: 'table-cell', cell: { table: 0, row: 0, column: 1, isHeader: true } },
        'Meaning',
      )
      .block(
        { kind: 'table-cell', cell: { table: 0, row: 1, column: 1, isHeader: false } },
        'Panics',
      )
      .build()
    const row = render(content).querySelector('tbody tr')!
    expect(row.innerHTML).toBe('<td></td><td data-segment-index="2" class="is-short">Panics</td>')
  })

  it('show a cell that lost its place in the table (a hand-edited file) as a paragraph', () => {
    const content = new ShapedText().block({ kind: 'table-cell' }, 'Stray cell').build()
    expect(render(content).innerHTML).toBe('<p data-segment-index="0">Stray cell</p>')
  })

  it('keep a code block’s line breaks and indentation, in a block the keyboard can scroll', () => {
    const code = 'function f() {\n    return 1\n}'
    const content = new ShapedText().block({ kind: 'code' }, code).build()
    const pre = render(content).querySelector('pre.code-block')!
    expect(pre.textContent).toBe(code)
    expect(pre.getAttribute('tabindex')).toBe('0')
  })

  it('set headings by their level, the title staying the one h1', () => {
    const content = new ShapedText()
      .block({ kind: 'heading', level: 1 }, 'Chapter')
      .block({ kind: 'heading', level: 3 }, 'Section')
      .block({ kind: 'heading' }, 'Old heading')
      .build()
    const headings = [...render(content).children]
    expect(headings.map((h) => `${h.tagName} ${h.getAttribute('data-level')}`)).toEqual([
      'H2 1',
      'H3 3',
      'H2 2',
    ])
  })

  it('label a footnote by CSS, its text exactly its segment', () => {
    const content = new ShapedText()
      .block({ kind: 'footnote', footnote: '1' }, 'The gauge is the painted post.')
      .build()
    const note = render(content).querySelector('.footnote')!
    expect(note.getAttribute('data-label')).toBe('1')
    expect(note.getAttribute('role')).toBe('note')
    expect(note.textContent).toBe('The gauge is the painted post.')
  })
})

describe('chunks of a shaped run', () => {
  const blocks = (kinds: ('p' | 'cell' | 'item')[], length: number) =>
    kinds.map((kind, index) => ({
      index,
      segment:
        kind === 'p'
          ? { kind: 'paragraph' as const, start: 0, end: length }
          : kind === 'cell'
            ? {
                kind: 'table-cell' as const,
                start: 0,
                end: length,
                cell: { table: 0, row: index, column: 0, isHeader: false },
              }
            : { kind: 'list-item' as const, start: 0, end: length, ordinal: index },
    }))

  it('never cut a table', () => {
    const chunks = chunkBlocks(blocks(['p', 'cell', 'cell', 'cell', 'p'], 1500), 4000)
    expect(chunks.map((chunk) => chunk.map((b) => b.index))).toEqual([[0], [1, 2, 3], [4]])
  })

  it('keep a list whole when it fits in a chunk, and cut a longer one between items', () => {
    const short = chunkBlocks(blocks(['p', 'p', 'item', 'item'], 1000), 4000)
    expect(short.map((chunk) => chunk.map((b) => b.index))).toEqual([[0, 1, 2, 3]])
    const long = chunkBlocks(blocks(['p', 'item', 'item', 'item', 'item', 'item'], 1500), 4000)
    expect(long.map((chunk) => chunk.map((b) => b.index))).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ])
  })

  it('show a list cut between chunks as one list, each part keeping its numbers', () => {
    const item = (ordinal: number) => ({ kind: 'list-item' as const, ordinal })
    const long = 'x'.repeat(1500)
    const content = new ShapedText()
      .block(item(1), long)
      .block(item(2), long)
      .block(item(3), long)
      .block({ kind: 'paragraph' }, 'After the list.')
      .build()
    const chunks = chunkElements(document, indexed(content), content.text)
    const lists = chunks.flatMap((chunk) => [...chunk.querySelectorAll('ol')])
    expect(lists.map((ol) => [...ol.children].map((li) => li.getAttribute('data-marker')))).toEqual(
      [['1.', '2.'], ['3.']],
    )
    expect(lists.map((ol) => ol.classList.contains('list-goes-on'))).toEqual([true, false])
  })
})
