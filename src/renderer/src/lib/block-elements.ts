import type { Segment } from '../../../shared/model'
import type { IndexedSegment } from './article-layout'
import { inlineNodes, type MarkIndex } from './inline-marks'

/** What a run of blocks is made of: single blocks, lists of consecutive items, whole tables. */
export type BlockUnit =
  | { readonly type: 'block'; readonly blocks: readonly [IndexedSegment] }
  | { readonly type: 'list'; readonly blocks: readonly IndexedSegment[] }
  | { readonly type: 'table'; readonly blocks: readonly IndexedSegment[] }

/** Gathers consecutive list items into lists and the cells of one table into a table. */
export function blockUnits(blocks: readonly IndexedSegment[]): BlockUnit[] {
  const units: { type: BlockUnit['type']; blocks: IndexedSegment[] }[] = []
  for (const block of blocks) {
    const last = units.at(-1)
    const type = unitTypeOf(block.segment)
    const continues =
      last?.type === type &&
      (type === 'list' ||
        (type === 'table' && last.blocks[0]!.segment.cell?.table === block.segment.cell?.table))
    if (continues) last.blocks.push(block)
    else units.push({ type, blocks: [block] })
  }
  return units as BlockUnit[]
}

function unitTypeOf(segment: Segment): BlockUnit['type'] {
  if (segment.kind === 'list-item') return 'list'
  // A cell without its place (a hand-edited file) is shown as a block of its own.
  if (segment.kind === 'table-cell' && segment.cell) return 'table'
  return 'block'
}

/** Bullets by nesting depth, as printed books alternate them. */
const bullets = ['•', '◦', '▪']

/**
 * The elements of a chunk's blocks, made directly (a long book has thousands). Every block is one
 * element carrying `data-segment-index`, whose text is exactly its segment's text: list numbers,
 * bullets and footnote labels are drawn by CSS from data attributes, never put in the text, so
 * a selection's offsets stay indices into the document's text. Only our own elements are made.
 */
export function blockElements(
  document: Document,
  blocks: readonly IndexedSegment[],
  text: string,
  marks: MarkIndex,
): HTMLElement[] {
  return blockUnits(blocks).map((unit) => {
    if (unit.type === 'list') return listElement(document, unit.blocks, text, marks)
    if (unit.type === 'table') return tableElement(document, unit.blocks, text, marks)
    return blockElement(document, unit.blocks[0], text, marks)
  })
}

/** The element of one block, filled with its text and inline marks. */
export function blockElement(
  document: Document,
  { index, segment }: IndexedSegment,
  text: string,
  marks: MarkIndex,
): HTMLElement {
  const element = document.createElement(tagOf(segment))
  element.dataset['segmentIndex'] = String(index)
  if (segment.lang) element.lang = segment.lang
  switch (segment.kind) {
    case 'lead':
      element.className = 'lead'
      break
    case 'heading':
      element.dataset['level'] = String(headingLevel(segment))
      break
    case 'quote':
    case 'list-item':
      if (segment.depth) element.style.setProperty('--depth', String(segment.depth))
      break
    case 'code':
      element.className = 'code-block'
      // The block scrolls sideways when a line is long: the keyboard must reach it too.
      element.tabIndex = 0
      element.translate = false
      break
    case 'footnote':
      element.className = 'footnote'
      element.setAttribute('role', 'note')
      // Focus lands here when a reference is followed.
      element.tabIndex = -1
      if (segment.footnote) element.dataset['label'] = segment.footnote
      break
  }
  element.append(
    ...inlineNodes(
      document,
      text,
      segment.start,
      segment.end,
      marks.within(segment.start, segment.end),
    ),
  )
  return element
}

function tagOf(segment: Segment): string {
  switch (segment.kind) {
    case 'heading':
      // The title is the page's one h1; a level-1 heading inside the text (a chapter) is an h2.
      return `h${Math.min(6, Math.max(2, headingLevel(segment)))}`
    case 'quote':
      return 'blockquote'
    case 'list-item':
      return 'li'
    case 'code':
      return 'pre'
    case 'table-cell':
      return !segment.cell ? 'p' : segment.cell.isHeader ? 'th' : 'td'
    default:
      return 'p'
  }
}

function headingLevel(segment: Segment): number {
  return segment.level ?? 2
}

/**
 * A list of consecutive items, nested by indentation (`--depth`), each item's number or bullet
 * in `data-marker`. The numbers are the source's own (start values, skipped numbers), so a list
 * cut between two chunks keeps them.
 */
function listElement(
  document: Document,
  items: readonly IndexedSegment[],
  text: string,
  marks: MarkIndex,
): HTMLElement {
  const isOrdered = items[0]!.segment.ordinal !== undefined
  const list = document.createElement(isOrdered ? 'ol' : 'ul')
  list.className = 'list'
  for (const item of items) {
    const element = blockElement(document, item, text, marks)
    const { ordinal, depth } = item.segment
    element.dataset['marker'] =
      ordinal !== undefined ? `${ordinal}.` : bullets[(depth ?? 0) % bullets.length]!
    if (ordinal !== undefined) element.setAttribute('value', String(ordinal))
    list.append(element)
  }
  return list
}

/** Characters up to which a cell's text is kept on one line (a date, an amount, a short name). */
const shortCell = 24

/**
 * A table in its own box that scrolls sideways when the table is wider than the column (the page
 * never does). A first row of header cells becomes the table's head.
 */
function tableElement(
  document: Document,
  cells: readonly IndexedSegment[],
  text: string,
  marks: MarkIndex,
): HTMLElement {
  const box = document.createElement('div')
  box.className = 'table-box'
  box.tabIndex = 0
  box.setAttribute('role', 'region')
  // Each table's box is a landmark of its own, so each is named apart: "Table 1", "Table 2"…
  box.setAttribute('aria-label', `Table ${(cells[0]!.segment.cell?.table ?? 0) + 1}`)
  const table = document.createElement('table')
  const rows: IndexedSegment[][] = []
  for (const cell of cells) {
    const row = rows.at(-1)
    if (row && row[0]!.segment.cell?.row === cell.segment.cell?.row) row.push(cell)
    else rows.push([cell])
  }
  const [first, ...rest] = rows
  const isHeadRow = first !== undefined && first.every((cell) => cell.segment.cell?.isHeader)
  const sections: [HTMLTableSectionElement, IndexedSegment[][]][] = isHeadRow
    ? [
        [document.createElement('thead'), [first]],
        [document.createElement('tbody'), rest],
      ]
    : [[document.createElement('tbody'), rows]]
  for (const [section, sectionRows] of sections) {
    for (const row of sectionRows) {
      const tr = document.createElement('tr')
      for (const cell of row) {
        // A cell the source left without words (a picture) keeps its column, empty.
        const column = cell.segment.cell?.column ?? 0
        while (tr.cells.length < column) tr.append(document.createElement('td'))
        const element = blockElement(document, cell, text, marks)
        // A date or a figure stays on one line; a narrow column scrolls the table instead.
        if (cell.segment.end - cell.segment.start <= shortCell) element.className = 'is-short'
        if (element.tagName === 'TH')
          element.setAttribute('scope', isHeadRow && row === first ? 'col' : 'row')
        tr.append(element)
      }
      section.append(tr)
    }
    if (sectionRows.length > 0) table.append(section)
  }
  box.append(table)
  return box
}
