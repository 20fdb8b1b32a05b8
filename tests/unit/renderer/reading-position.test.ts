import { describe, expect, it } from 'vitest'
import {
  blocksOf,
  placeAtScroll,
  scrollTopForPlace,
} from '../../../src/renderer/src/lib/reading-position'

const boxes = [
  { top: 0, height: 100 },
  { top: 120, height: 200 },
  { top: 340, height: 50 },
]
const blocks = blocksOf(boxes)

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
    const reflowed = blocksOf(boxes.map((box) => ({ top: box.top * 2, height: box.height * 2 })))
    expect(scrollTopForPlace(reflowed, place)).toBe(340)
  })

  it('copes with fewer blocks than remembered and with no blocks', () => {
    expect(scrollTopForPlace(blocks, { segmentIndex: 9, segmentFraction: 0.5 })).toBe(365)
    expect(scrollTopForPlace(blocksOf([]), { segmentIndex: 2, segmentFraction: 0.5 })).toBe(0)
  })

  it('measures a dozen of thousands of blocks to find the place', () => {
    let measured = 0
    const many = {
      length: 5000,
      boxAt: (index: number) => {
        measured++
        return { top: index * 100, height: 90 }
      },
    }
    expect(placeAtScroll(many, 250_050, 600_000, 800)).toMatchObject({ segmentIndex: 2500 })
    expect(measured).toBeLessThan(20)
  })
})
