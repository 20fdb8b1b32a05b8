import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  indexGrams,
  regionsToScan,
  searchApproximate,
  searchApproximateEverywhere,
} from '../../../../../src/shared/domain/anchoring'
import { bookText } from '../../../../../bench/anchoring-edits'
import { generateProse, randomInt, seededRandom } from '../../../../support/generated-text'

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

/**
 * The textbook choice of where a match ending at `end` starts: the length read backwards whose
 * edit distance to the whole pattern is least, and among those the one closest to the pattern's.
 */
function textbookStart(text: string, pattern: string, end: number, errors: number): number {
  const span = Math.min(end, pattern.length + errors)
  let best = { length: 0, distance: pattern.length }
  for (let length = 1; length <= span; length++) {
    const distance = editDistance(pattern, text.slice(end - length, end))
    const closer = Math.abs(length - pattern.length) < Math.abs(best.length - pattern.length)
    if (distance < best.distance || (distance === best.distance && closer))
      best = { length, distance }
  }
  return end - best.length
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        previous[j]! + 1,
        current[j - 1]! + 1,
      )
    previous = current
  }
  return previous[b.length]!
}

/** Copies `pattern` with about `rate` of its characters edited (replaced, dropped or doubled). */
function withEdits(random: () => number, pattern: string, rate: number): string {
  let copy = ''
  for (const character of pattern) {
    const roll = random()
    if (roll < rate / 3) copy += 'xq'[randomInt(random, 0, 1)]
    else if (roll < (2 * rate) / 3) continue
    else if (roll < rate) copy += character + character
    else copy += character
  }
  return copy
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

  it('starts each match where the textbook edit-distance table does', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 160 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 70 }),
        fc.integer({ min: 0, max: 20 }),
        (text, pattern, maxErrors) => {
          for (const match of searchApproximate(text, pattern, maxErrors))
            expect(match.start).toBe(textbookStart(text, pattern, match.end, match.errors))
        },
      ),
      { seed: 4343, numRuns: 300 },
    )
  })
})

describe('searchApproximateEverywhere', () => {
  it('finds exactly what a scan of the whole text finds, edited copies included', () => {
    const random = seededRandom(21)
    for (let round = 0; round < 60; round++) {
      const pieces = [generateProse(random, randomInt(random, 2_000, 20_000))]
      const pattern = generateProse(random, randomInt(random, 12, 160)).trim() || 'quote'
      // Copies of the pattern with 0–30% of it edited, some past the limit of a quarter.
      for (let copy = randomInt(random, 0, 4); copy > 0; copy--)
        pieces.push(withEdits(random, pattern, random() * 0.3), generateProse(random, 3_000))
      const text = pieces.join(' ')
      const maxErrors = Math.floor(pattern.length / 4)
      expect(searchApproximateEverywhere(indexGrams(text), pattern, maxErrors)).toEqual(
        searchApproximate(text, pattern, maxErrors),
      )
    }
  })

  it('agrees with the whole-text scan on short random texts of a few letters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), maxLength: 400 }),
        fc.string({
          unit: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 15 }),
        (text, pattern, maxErrors) => {
          expect(searchApproximateEverywhere(indexGrams(text), pattern, maxErrors)).toEqual(
            searchApproximate(text, pattern, maxErrors),
          )
        },
      ),
      { seed: 4444, numRuns: 400 },
    )
  })

  it('scans a small part of a real book for a passage that is not in it', () => {
    const book = bookText(300_000)
    const index = indexGrams(book)
    const gone =
      'Each value in a program has an owner, and when that owner leaves scope the value goes too.'
    const regions = regionsToScan(index, gone, Math.floor(gone.length / 4)) ?? []
    const scanned = regions.reduce((sum, r) => sum + r.to - r.from, 0)
    expect(scanned).toBeLessThan(book.length / 2)
    expect(searchApproximateEverywhere(index, gone, Math.floor(gone.length / 4))).toEqual(
      searchApproximate(book, gone, Math.floor(gone.length / 4)),
    )
  })
})
