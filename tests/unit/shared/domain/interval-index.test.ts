import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IntervalIndex } from '../../../../src/shared/domain/intervals/interval-index'

describe('IntervalIndex', () => {
  it('finds every interval containing an offset, innermost first', () => {
    const index = new IntervalIndex([
      { id: 'outer', start: 0, end: 100 },
      { id: 'inner', start: 10, end: 20 },
      { id: 'after', start: 50, end: 60 },
    ])
    expect(index.at(15).map((i) => i.id)).toEqual(['inner', 'outer'])
    expect(index.at(20).map((i) => i.id)).toEqual(['outer'])
    expect(index.at(100)).toEqual([])
  })

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(1000), fc.integer({ min: 1, max: 200 })), { maxLength: 80 }),
        fc.nat(1200),
        (spans, offset) => {
          const intervals = spans.map(([start, length], i) => ({
            id: String(i),
            start,
            end: start + length,
          }))
          const expected = intervals
            .filter((i) => i.start <= offset && offset < i.end)
            .map((i) => i.id)
            .sort()
          expect(
            new IntervalIndex(intervals)
              .at(offset)
              .map((i) => i.id)
              .sort(),
          ).toEqual(expected)
        },
      ),
      { seed: 7, numRuns: 300 },
    )
  })
})
