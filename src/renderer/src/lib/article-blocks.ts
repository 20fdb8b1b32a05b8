import type { IndexedSegment, LayoutItem } from './article-layout'

/** Blocks the reader typesets as plain text elements, many at a time: most of any document. */
const plainKinds = new Set(['lead', 'heading', 'paragraph', 'quote', 'list-item'])

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
 */
export function chunkBlocks(
  blocks: readonly IndexedSegment[],
  maxCharacters = chunkCharacters,
): IndexedSegment[][] {
  const chunks: IndexedSegment[][] = []
  let chunk: IndexedSegment[] = []
  let size = 0
  for (const block of blocks) {
    const length = block.segment.end - block.segment.start
    if (chunk.length > 0 && size + length > maxCharacters) {
      chunks.push(chunk)
      chunk = []
      size = 0
    }
    chunk.push(block)
    size += length
  }
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}

/**
 * The chunks of a run, each a `div.chunk` holding its blocks' elements, with an estimate of its
 * height (in lines of about 68 characters) for as long as it has not been laid out.
 */
export function chunkElements(
  document: Document,
  blocks: readonly IndexedSegment[],
  text: string,
): HTMLElement[] {
  return chunkBlocks(blocks).map((chunk) => {
    const element = document.createElement('div')
    element.className = 'chunk'
    const lines = chunk.reduce(
      (sum, { segment }) => sum + Math.ceil((segment.end - segment.start) / 68) + 1,
      0,
    )
    element.style.setProperty('contain-intrinsic-block-size', `auto ${lines}lh`)
    element.append(...plainBlockElements(document, chunk, text))
    return element
  })
}

/**
 * The elements of a run of plain blocks, made directly: a long book has thousands, and making
 * them one by one through the component's template cost more than laying them out. Each carries
 * `data-segment-index`, which anchoring, reading place and search use.
 */
export function plainBlockElements(
  document: Document,
  blocks: readonly IndexedSegment[],
  text: string,
): HTMLElement[] {
  return blocks.map(({ index, segment }) => {
    const element = document.createElement(
      segment.kind === 'heading' ? 'h2' : segment.kind === 'quote' ? 'blockquote' : 'p',
    )
    if (segment.kind === 'lead' || segment.kind === 'list-item') element.className = segment.kind
    element.dataset['segmentIndex'] = String(index)
    if (segment.lang) element.lang = segment.lang
    element.textContent = text.slice(segment.start, segment.end)
    return element
  })
}
