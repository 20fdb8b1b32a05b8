/** Where a block sits inside the scrolling column, in CSS pixels from the column's top. */
export interface BlockBox {
  readonly top: number
  readonly height: number
}

/** The reader's place: the top block on screen, how far into it, and the share read. */
export interface ScrollPlace {
  readonly segmentIndex: number
  readonly segmentFraction: number
  readonly progress: number
}

/** The blocks of the column in reading order, measured only when asked (a long book has thousands). */
export interface Blocks {
  readonly length: number
  boxAt(index: number): BlockBox
}

/**
 * Finds the block at the top of the viewport and how far the viewport's top is into it. Anchoring
 * to a block (not a pixel offset) keeps the place when the font size or window width changes.
 * Blocks are in reading order, so a bisection measures a dozen of them, not all.
 */
export function placeAtScroll(
  blocks: Blocks,
  scrollTop: number,
  scrollHeight: number,
  clientHeight: number,
): ScrollPlace {
  const scrollable = scrollHeight - clientHeight
  const progress = scrollable <= 0 ? 1 : clamp(scrollTop / scrollable)
  let low = 0
  let high = blocks.length
  while (low < high) {
    const middle = (low + high) >> 1
    const box = blocks.boxAt(middle)
    if (box.top + box.height > scrollTop) high = middle
    else low = middle + 1
  }
  const index = low < blocks.length ? low : Math.max(0, blocks.length - 1)
  const block = blocks.length > 0 ? blocks.boxAt(index) : undefined
  const fraction = block && block.height > 0 ? clamp((scrollTop - block.top) / block.height) : 0
  return { segmentIndex: index, segmentFraction: fraction, progress }
}

/** The scrollTop that puts the remembered place back at the top of the viewport. */
export function scrollTopForPlace(
  blocks: Blocks,
  place: Pick<ScrollPlace, 'segmentIndex' | 'segmentFraction'>,
): number {
  if (blocks.length === 0) return 0
  const block = blocks.boxAt(Math.min(place.segmentIndex, blocks.length - 1))
  return Math.max(0, block.top + place.segmentFraction * block.height)
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value))
}

/** Blocks over an array of boxes (tests, and anything measured up front). */
export function blocksOf(boxes: readonly BlockBox[]): Blocks {
  return { length: boxes.length, boxAt: (index) => boxes[index]! }
}
