import { describe, expect, it } from 'vitest'
import {
  anchorBounded,
  nearbyReach,
  wholeTextFuzzyLimit,
} from '../../../../src/main/interchange/bounded-anchor'
import type { Selectors } from '../../../../src/shared/model/annotation'
import { generateProse, seededRandom } from '../../../support/generated-text'

/** Just over the limit for whole-text fuzzy search, so the bounded paths are the ones taken. */
const longText = generateProse(seededRandom(11), wholeTextFuzzyLimit + 200_000)
const at = 900_000
const passage = longText.slice(at, at + 48)
/** The passage with one letter changed, as a later revision of the text might have it. */
const misspelled = `${passage.slice(0, 20)}#${passage.slice(21)}`

function selectors(exact: string, start = 0, end = 0): Selectors {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end },
  }
}

describe('anchorBounded', () => {
  it('finds an exact quote anywhere in a long text, named or not', () => {
    expect(anchorBounded(longText, selectors(passage), false)).toMatchObject({
      start: at,
      end: at + passage.length,
    })
  })

  it('does not search a long text it was not named for fuzzily', () => {
    expect(anchorBounded(longText, selectors(misspelled, at, at + 48), false)).toBeNull()
  })

  it('searches a long text it was named for fuzzily, near the position given, and only there', () => {
    expect(anchorBounded(longText, selectors(misspelled, at, at + 48), true)).toMatchObject({
      start: at,
      method: 'fuzzy',
    })
    const far = at - nearbyReach * 2
    expect(anchorBounded(longText, selectors(misspelled, far, far + 48), true)).toBeNull()
  })

  it('searches a short text whole, fuzzily too', () => {
    const shortText = longText.slice(0, wholeTextFuzzyLimit)
    expect(anchorBounded(shortText, selectors(misspelled), false)).toMatchObject({
      start: at,
      method: 'fuzzy',
    })
  })
})
