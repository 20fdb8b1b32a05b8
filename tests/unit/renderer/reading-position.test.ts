import { describe, expect, it } from 'vitest'
import { placeAtScroll, scrollTopForPlace } from '../../../src/renderer/src/lib/reading-position'

const blocks = [
  { top: 0, height: 100 },
  { top: 120, height: 200 },
  { top: 340, height: 50 },
]

describe('placeAtScroll', () => {
  it('finds the block at the top of the viewport and how far into it the reader is', () => {
    expect(placeAtScroll(blocks, 170, 1000, 500)).toEqual({
      segmentIndex: 1,
      segmentFraction: 0.25,
      progress: 170 / 500,
    })
  })

  it('takes the next block when the top falls in the gap between two', () => {
    expect(placeAtScroll(blocks, 110, 1000, 500)).toMatchObject({
      segmentIndex: 1,
      segmentFraction: 0,
    })
  })

  it('counts a text shorter than the window as fully read', () => {
    expect(placeAtScroll(blocks, 0, 400, 600).progress).toBe(1)
  })

  it('puts the place back where it was after a reflow', () => {
    const place = placeAtScroll(blocks, 170, 1000, 500)
    const reflowed = blocks.map((block) => ({ top: block.top * 2, height: block.height * 2 }))
    expect(scrollTopForPlace(reflowed, place)).toBe(340)
  })

  it('copes with fewer blocks than remembered and with no blocks', () => {
    expect(scrollTopForPlace(blocks, { segmentIndex: 9, segmentFraction: 0.5 })).toBe(365)
    expect(scrollTopForPlace([], { segmentIndex: 2, segmentFraction: 0.5 })).toBe(0)
  })
})
