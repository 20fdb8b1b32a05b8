import type { IndexedSegment, LayoutItem } from './article-layout'
import { blockElements, blockUnits } from './block-elements'
import { MarkIndex } from './inline-marks'

/** Blocks the reader typesets as plain text elements, many at a time: most of any document. */
const plainKinds = new Set([
  'lead',
  'heading',
  'paragraph',
  'quote',
  'list-item',
  'code',
  'table-cell',
  'footnote',
])

/** What the article shows: figures and special blocks one by one, plain blocks in runs. */
export type ArticleGroup =
  LayoutItem | { readonly type: 'run'; readonly blocks: readonly IndexedSegment[] }

/** Gathers consecutive plain blocks into runs; figures, the title and the author tag stay alone. */
export function groupPlainBlocks(items: readonly LayoutItem[]): ArticleGroup[] {
  const groups: ArticleGroup[] = []
  let run: IndexedSegment[] | null = null
  for (const item of items) {
    if (item.type === 'block' && plainKinds.has(item.block.segment.kind)) {
      if (!run) groups.push({ type: 'run', blocks: (run = []) })
      run.push(item.block)
    } else {
      run = null
      groups.push(item)
    }
  }
  return groups
}

/** About a screen of text: the most a chunk holds (a single longer block is a chunk alone). */
export const chunkCharacters = 4_000

/**
 * Splits a run into chunks of about a screen of text. The browser lays out and paints a chunk
 * only when it comes near the screen (content-visibility), and watching a few hundred chunks
 * costs a frame far less than watching thousands of paragraphs (20 ms a frame, measured).
 * A table is never cut (its rows share their columns' widths); a list is cut only when it is
 * longer than a chunk, between two items, which keep their own numbers.
 */
export function chunkBlocks(
  blocks: readonly IndexedSegment[],
  maxCharacters = chunkCharacters,
): IndexedSegment[][] {
  const chunks: IndexedSegment[][] = []
  let chunk: IndexedSegment[] = []
  let size = 0
  const add = (unit: readonly IndexedSegment[], length: number) => {
    if (chunk.length > 0 && size + length > maxCharacters) {
      chunks.push(chunk)
      chunk = []
      size = 0
    }
    chunk.push(...unit)
    size += length
  }
  for (const unit of blockUnits(blocks)) {
    const length = unit.blocks.reduce((sum, b) => sum + b.segment.end - b.segment.start, 0)
    if (unit.type === 'list' && length > maxCharacters)
      for (const item of unit.blocks) add([item], item.segment.end - item.segment.start)
    else add(unit.blocks, length)
  }
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}

/** A block's height in lines of about 68 characters, before the browser has laid it out. */
function estimatedLines({ segment }: IndexedSegment, text: string): number {
  if (segment.kind === 'code') {
    let lines = 2
    for (let i = segment.start; i < segment.end; i++) if (text.charCodeAt(i) === 10) lines++
    return lines
  }
  // A table's row is about two lines high, whatever its number of cells.
  if (segment.kind === 'table-cell') return segment.cell?.column === 0 ? 2 : 0
  return Math.ceil((segment.end - segment.start) / 68) + 1
}

/**
 * The chunks of a run, each a `div.chunk` holding its blocks' elements, with an estimate of its
 * height (in lines) for as long as it has not been laid out.
 */
export function chunkElements(
  document: Document,
  blocks: readonly IndexedSegment[],
  text: string,
  marks: MarkIndex = new MarkIndex([]),
): HTMLElement[] {
  const chunks = chunkBlocks(blocks)
  return chunks.map((chunk, index) => {
    const element = document.createElement('div')
    element.className = 'chunk'
    const lines = chunk.reduce((sum, block) => sum + estimatedLines(block, text), 0)
    element.style.setProperty('contain-intrinsic-block-size', `auto ${lines}lh`)
    const elements = blockElements(document, chunk, text, marks)
    // A list cut between two chunks reads as one: no gap where the next chunk goes on with it.
    if (chunk.at(-1)?.segment.kind === 'list-item' && isListItem(chunks[index + 1]?.[0]))
      elements.at(-1)?.classList.add('list-goes-on')
    element.append(...elements)
    return element
  })
}

function isListItem(block: IndexedSegment | undefined): boolean {
  return block?.segment.kind === 'list-item'
}
