import { describe, expect, it } from 'vitest'
import { alignBlocks } from '../../../../../src/shared/domain/alignment/gale-church'

describe('alignBlocks', () => {
  it('aligns one to one when both texts have as many blocks', () => {
    expect(alignBlocks([100, 200, 50], [120, 180, 60])).toEqual([
      { left: [0], right: [0] },
      { left: [1], right: [1] },
      { left: [2], right: [2] },
    ])
  })

  it('joins two short blocks that a translation merged into one', () => {
    // The translator merged blocks 1 and 2 of the original.
    expect(alignBlocks([300, 120, 140, 400], [310, 270, 390])).toEqual([
      { left: [0], right: [0] },
      { left: [1, 2], right: [1] },
      { left: [3], right: [2] },
    ])
  })

  it('attaches a short extra block to a neighbour rather than leave it alone (2–1 is likelier than 1–0)', () => {
    expect(alignBlocks([500, 40, 500], [510, 505])).toEqual([
      { left: [0, 1], right: [0] },
      { left: [2], right: [1] },
    ])
  })

  it('covers every block of both texts exactly once, in order', () => {
    const left = [80, 120, 300, 40, 250, 90, 60]
    const right = [85, 410, 45, 240, 160]
    const rows = alignBlocks(left, right)
    expect(rows.flatMap((row) => row.left)).toEqual(left.map((_, i) => i))
    expect(rows.flatMap((row) => row.right)).toEqual(right.map((_, i) => i))
  })
})
