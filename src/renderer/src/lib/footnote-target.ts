import type { Segment } from '../../../shared/model'

/**
 * The footnote a reference points to: the first footnote with its label after the reference
 * (a book numbers its notes again in each chapter), else the last one before it; -1 when the
 * document has none with that label.
 */
export function footnoteTarget(segments: readonly Segment[], label: string, from: number): number {
  let before = -1
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!
    if (segment.kind !== 'footnote' || segment.footnote !== label) continue
    if (segment.start >= from) return index
    before = index
  }
  return before
}
