import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { searchApproximate } from '../../../../../src/shared/domain/anchoring'

/** The textbook answer: fewest edits of `pattern` against any substring of `text` ending at each position. */
function naiveBestErrors(text: string, pattern: string): number {
  let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i)
  let best = Number.POSITIVE_INFINITY // ends after at least one character, as the search reports them
  for (let j = 1; j <= text.length; j++) {
    const current = [0]
    for (let i = 1; i <= pattern.length; i++) {
      current[i] = Math.min(
        previous[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1),
        previous[i]! + 1,
        current[i - 1]! + 1,
      )
    }
    best = Math.min(best, current[pattern.length]!)
    previous = current
  }
  return best
}

describe('searchApproximate', () => {
  it('finds a pattern with a typo, with its start and end', () => {
    expect(searchApproximate('the quick brown fox jumps', 'brwn fox', 1)).toEqual([
      { start: 10, end: 19, errors: 1 },
    ])
  })

  it('finds nothing when every occurrence needs more edits than allowed', () => {
    expect(searchApproximate('the quick brown fox', 'slow purple cat', 3)).toEqual([])
  })

  it('agrees with the textbook edit distance on random short and long patterns (blocks of 32)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 0, maxLength: 200 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 90 }),
        fc.integer({ min: 0, max: 40 }),
        (text, pattern, maxErrors) => {
          const expected = naiveBestErrors(text, pattern)
          const matches = searchApproximate(text, pattern, maxErrors)
          if (expected > maxErrors) expect(matches).toEqual([])
          else expect(matches[0]?.errors).toBe(expected)
          for (const match of matches) {
            expect(
              naiveBestErrors(text.slice(match.start, match.end), pattern),
            ).toBeLessThanOrEqual(match.errors)
          }
        },
      ),
      { seed: 4242, numRuns: 400 },
    )
  })

  it('searches only inside the given range', () => {
    const text = 'needle ........ needle'
    expect(searchApproximate(text, 'needle', 0, 5).map((m) => m.start)).toEqual([16])
  })
})
