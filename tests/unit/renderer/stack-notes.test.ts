import { describe, expect, it } from 'vitest'
import { stackNotes } from '../../../src/renderer/src/lib/stack-notes'

describe('stackNotes', () => {
  it('keeps each card level with its highlight when there is room', () => {
    const placed = stackNotes(
      [
        { id: 'a', top: 0, height: 50 },
        { id: 'b', top: 200, height: 50 },
      ],
      10,
    )
    expect([...placed]).toEqual([
      ['a', 0],
      ['b', 200],
    ])
  })

  it('pushes a card down just below the one above it, never overlapping', () => {
    const placed = stackNotes(
      [
        { id: 'b', top: 20, height: 50 },
        { id: 'a', top: 0, height: 80 },
        { id: 'c', top: 30, height: 40 },
      ],
      10,
    )
    expect([...placed]).toEqual([
      ['a', 0],
      ['b', 90],
      ['c', 150],
    ])
  })
})
