import { describe, expect, it } from 'vitest'
import { placePopover } from '../../../src/renderer/src/lib/popover-placement'

// The reading column of a 1280×800 window with the side pane open: below the toolbar, above
// nothing (a toast strip would end it higher), left of the pane.
const column = { left: 0, top: 51, right: 939, bottom: 800 }
const window = { left: 0, top: 0, right: 1280, bottom: 800 }
const size = { width: 388, height: 38 }
const line = (left: number, top: number, right = left + 200, bottom = top + 30) => ({
  left,
  top,
  right,
  bottom,
})

describe('placePopover', () => {
  it('sits above the passage, centred on it, when there is room', () => {
    expect(placePopover(line(300, 400), size, column, window)).toEqual({
      left: 206,
      top: 354,
      side: 'above',
    })
  })

  it('flips below a passage at the top of the column', () => {
    expect(placePopover(line(300, 60), size, column, window)).toEqual({
      left: 206,
      top: 98,
      side: 'below',
    })
  })

  it('covers a passage taller than the column, inside the column', () => {
    const placed = placePopover(line(130, -2000, 800, 3000), size, column, window)!
    expect(placed.side).toBe('over')
    expect(placed.top).toBeGreaterThanOrEqual(column.top)
    expect(placed.top + size.height).toBeLessThanOrEqual(column.bottom)
  })

  it('stays inside the column at its right and left sides', () => {
    expect(placePopover(line(760, 400, 800), size, column, window)!.left).toBe(939 - 8 - 388)
    expect(placePopover(line(0, 400, 40), size, column, window)!.left).toBe(8)
  })

  it('uses the window when the popover is wider than the column', () => {
    const narrow = { ...column, right: 300 }
    const placed = placePopover(line(100, 400, 290), size, narrow, window)!
    expect(placed.left).toBeGreaterThanOrEqual(8)
    expect(placed.left + size.width).toBeLessThanOrEqual(1280 - 8)
  })

  it('is not placed when the passage has scrolled out of the column', () => {
    expect(placePopover(line(300, -100), size, column, window)).toBeNull()
    expect(placePopover(line(300, 900), size, column, window)).toBeNull()
  })
})
