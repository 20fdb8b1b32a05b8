import type { Selectors } from '../../model/annotation'

/** Characters of context kept before and after a quote. */
export const contextLength = 32

/** Describes the passage `[start, end)` of `text` so it can be found again after edits. */
export function describe(text: string, start: number, end: number): Selectors {
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    0 <= start &&
    start < end &&
    end <= text.length
  )) {
    throw new RangeError(`No passage at [${start}, ${end}) in a text of ${text.length} characters`)
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
    position: { type: 'TextPositionSelector', start, end },
  }
}
