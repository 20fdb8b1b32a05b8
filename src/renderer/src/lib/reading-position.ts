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

/**
 * Finds the block at the top of the viewport and how far the viewport's top is into it. Anchoring
 * to a block (not a pixel offset) keeps the place when the font size or window width changes.
 */
export function placeAtScroll(
  blocks: readonly BlockBox[],
  scrollTop: number,
  scrollHeight: number,
  clientHeight: number,
): ScrollPlace {
  const scrollable = scrollHeight - clientHeight
  const progress = scrollable <= 0 ? 1 : clamp(scrollTop / scrollable)
  let index = blocks.findIndex((block) => block.top + block.height > scrollTop)
  if (index < 0) index = Math.max(0, blocks.length - 1)
  const block = blocks[index]
  const fraction = block && block.height > 0 ? clamp((scrollTop - block.top) / block.height) : 0
  return { segmentIndex: index, segmentFraction: fraction, progress }
}

/** The scrollTop that puts the remembered place back at the top of the viewport. */
export function scrollTopForPlace(
  blocks: readonly BlockBox[],
  place: Pick<ScrollPlace, 'segmentIndex' | 'segmentFraction'>,
): number {
  const block = blocks[Math.min(place.segmentIndex, blocks.length - 1)]
  return block ? Math.max(0, block.top + place.segmentFraction * block.height) : 0
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value))
}
