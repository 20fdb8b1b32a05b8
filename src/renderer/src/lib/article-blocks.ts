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
