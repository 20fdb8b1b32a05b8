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

  it('places no card above where the notes column begins (regression: a note on the title was cut off under the filter)', () => {
    const placed = stackNotes(
      [
        { id: 'title', top: -20, height: 60 },
        { id: 'next', top: 50, height: 40 },
        { id: 'far', top: 400, height: 40 },
      ],
      10,
      96,
    )
    expect([...placed]).toEqual([
      ['title', 96],
      ['next', 166],
      ['far', 400],
    ])
  })
})
