import type { Segment } from '../../../shared/model'

/** A segment with its place in the document's list. */
export interface IndexedSegment {
  readonly index: number
  readonly segment: Segment
}

/** What the reader typesets: single blocks, and figures made of alt text, caption and credit. */
export type LayoutItem =
  | { readonly type: 'block'; readonly block: IndexedSegment }
  | {
      readonly type: 'figure'
      readonly alt?: IndexedSegment
      readonly caption?: IndexedSegment
      readonly credit?: IndexedSegment
    }

const figurePart = {
  'figure-alt': 'alt',
  'figure-caption': 'caption',
  'figure-credit': 'credit',
} as const

/** Groups consecutive figure segments into one figure; every other segment stands alone. */
export function layoutSegments(segments: readonly Segment[]): LayoutItem[] {
  const items: LayoutItem[] = []
  let figure: { alt?: IndexedSegment; caption?: IndexedSegment; credit?: IndexedSegment } | null =
    null
  segments.forEach((segment, index) => {
    const part = figurePart[segment.kind as keyof typeof figurePart] as
      'alt' | 'caption' | 'credit' | undefined
    if (!part) {
      figure = null
      items.push({ type: 'block', block: { index, segment } })
      return
    }
    if (!figure || figure[part]) {
      figure = {}
      items.push({ type: 'figure', ...figure })
    }
    figure[part] = { index, segment }
    items[items.length - 1] = { type: 'figure', ...figure }
  })
  return items
}
