import { anchor, minFuzzyQuoteLength, type Anchor } from '../../shared/domain/anchoring'
import type { Selectors } from '../../shared/model/annotation'

/**
 * Texts up to this many characters are searched whole, fuzzy search included: on the 2-core test
 * machine a fuzzy scan of 1 MB costs about 40 ms per quote, where one of a 49 MB book costs
 * 1.6 s, so a file of 30 quotes found nowhere held the main process for 87 s.
 */
export const wholeTextFuzzyLimit = 1_000_000

/**
 * In a longer text, a fuzzy search looks only this far (characters) either side of the position
 * the annotation gives: a few milliseconds, and wide enough for the edits of a new revision.
 */
export const nearbyReach = 64_000

/**
 * Finds an imported annotation's passage in `text` at a bounded cost. A short text is searched as
 * a highlight is re-anchored (position, exact quote, fuzzy). In a long one the exact quote is
 * searched everywhere (a fast string search), and a fuzzy match only near the given position, and
 * only when `mayFuzzy` (the annotation names this document): a quote that is nowhere in a long
 * text it does not name is not worth seconds of searching.
 */
export function anchorBounded(
  text: string,
  selectors: Selectors,
  mayFuzzy: boolean,
): Anchor | null {
  if (text.length <= wholeTextFuzzyLimit) return anchor(text, selectors)
  const { exact } = selectors.quote
  // A quote this long that occurs exactly is found by anchor's exact step: no fuzzy scan follows.
  if (exact.length >= minFuzzyQuoteLength && text.includes(exact)) return anchor(text, selectors)
  if (!mayFuzzy) return null
  const { start, end } = selectors.position
  const from = Math.max(0, start - nearbyReach - exact.length)
  const to = Math.min(text.length, Math.max(end, start) + nearbyReach + exact.length)
  const found = anchor(text.slice(from, to), {
    quote: selectors.quote,
    position: { ...selectors.position, start: start - from, end: end - from },
  })
  return found ? { ...found, start: found.start + from, end: found.end + from } : null
}
