import { describe, expect, it } from 'vitest'
import { blockElements } from '../../../src/renderer/src/lib/block-elements'
import { MarkIndex } from '../../../src/renderer/src/lib/inline-marks'
import { TextOffsets } from '../../../src/renderer/src/lib/text-offsets'
import { ShapedText } from './support/shaped-text'

const cell = (row: number, column: number) => ({
  kind: 'table-cell' as const,
  cell: { table: 0, row, column, isHeader: row === 0 },
})
const content = new ShapedText()
  .block(
    { kind: 'paragraph' },
    'The office publishes a ',
    ['tide table', { kind: 'emphasis' }],
    ' and a ',
    ['guide to ', { kind: 'link', href: 'https://harbour.example.org' }],
    ['reading', { kind: 'link', href: 'https://harbour.example.org' }, { kind: 'strong' }],
    ' it.',
  )
  .block({ kind: 'list-item', ordinal: 7 }, 'Read the high water.')
  .block({ kind: 'list-item', ordinal: 8 }, 'Subtract two hours.')
  .block(cell(0, 0), 'Date')
  .block(cell(0, 1), 'Height')
  .block(cell(1, 0), '3 March')
  .block(cell(1, 1), '4.8')
  .block({ kind: 'code' }, 'tides --port harbour\n  --date 2026-03-03')
  .build()

function mounted() {
  const root = document.createElement('div')
  root.append(
    ...blockElements(
      document,
      content.segments.map((segment, index) => ({ index, segment })),
      content.text,
      new MarkIndex(content.marks),
    ),
  )
  document.body.replaceChildren(root)
  return { root, offsets: new TextOffsets(root, content) }
}
const offsetOfWord = (word: string) => content.text.indexOf(word)

describe('text offsets in shaped text', () => {
  it('map a range across an emphasis and a link back to exactly the plain text', () => {
    const { offsets } = mounted()
    const start = offsetOfWord('publishes')
    const end = offsetOfWord(' it.')
    const range = offsets.rangeOf(start, end)!
    expect(range.toString()).toBe(content.text.slice(start, end))
    expect(offsets.offsetOf(range.startContainer, range.startOffset)).toBe(start)
    expect(offsets.offsetOf(range.endContainer, range.endOffset)).toBe(end)
  })

  it('find the offset of a point inside nested inline elements', () => {
    const { root, offsets } = mounted()
    const strong = root.querySelector('a strong')!
    expect(offsets.offsetOf(strong.firstChild!, 3)).toBe(offsetOfWord('reading') + 3)
    // Between the children of an element: all the text before that point counts.
    const paragraph = root.querySelector('p')!
    expect(offsets.offsetOf(paragraph, 2)).toBe(offsetOfWord(' and a '))
  })

  it('start a range at an emphasis’s first letter inside it, and end one inside it too', () => {
    const { offsets } = mounted()
    const start = offsetOfWord('tide table')
    const range = offsets.rangeOf(start, start + 'tide table'.length)!
    expect(range.startContainer.parentElement?.tagName).toBe('EM')
    expect(range.endContainer.parentElement?.tagName).toBe('EM')
  })

  it('map a passage inside a table cell and one across two cells', () => {
    const { offsets } = mounted()
    const start = offsetOfWord('March')
    expect(offsets.rangeOf(start, start + 5)!.toString()).toBe('March')
    const across = offsets.rangeOf(offsetOfWord('Height'), offsetOfWord('4.8') + 3)!
    expect(offsets.offsetOf(across.startContainer, across.startOffset)).toBe(offsetOfWord('Height'))
    expect(offsets.offsetOf(across.endContainer, across.endOffset)).toBe(offsetOfWord('4.8') + 3)
  })

  it('snap a boundary between table rows or list items to the next block', () => {
    const { root, offsets } = mounted()
    const rowOne = root.querySelectorAll('tr')[0]!
    expect(offsets.offsetOf(rowOne, rowOne.childNodes.length)).toBe(offsetOfWord('3 March'))
    const list = root.querySelector('ol')!
    expect(offsets.offsetOf(list, 1)).toBe(offsetOfWord('Subtract'))
  })

  it('map a passage inside a code block, across its line break', () => {
    const { offsets } = mounted()
    const start = offsetOfWord('harbour\n')
    expect(offsets.rangeOf(start, start + 14)!.toString()).toBe('harbour\n  --da')
  })

  it('read a selection across two numbered items as the items’ text alone', () => {
    const { offsets } = mounted()
    const start = offsetOfWord('high water')
    const end = offsetOfWord('two hours') + 'two hours'.length
    const selection = document.getSelection()!
    selection.removeAllRanges()
    selection.addRange(offsets.rangeOf(start, end)!)
    expect(offsets.selectionOffsets(selection)).toEqual({ start, end })
    expect(content.text.slice(start, end)).toBe('high water.\n\nSubtract two hours')
  })
})
