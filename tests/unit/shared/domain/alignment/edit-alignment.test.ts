import { describe, expect, it } from 'vitest'
import {
  coversBlocks,
  mergeRows,
  relink,
  splitRow,
  type StoredRow,
} from '../../../../../src/shared/domain/alignment/edit-alignment'

const rows: StoredRow[] = [
  { left: [0], right: [0], isManual: false },
  { left: [1, 2], right: [1], isManual: false },
  { left: [3], right: [2, 3], isManual: false },
]

describe('editing an alignment by hand', () => {
  it('merges a row with the next, marking it manual', () => {
    expect(mergeRows(rows, 0)[0]).toEqual({ left: [0, 1, 2], right: [0, 1], isManual: true })
    expect(coversBlocks(mergeRows(rows, 0), 4, 4)).toBe(true)
  })

  it('splits a row after its first blocks', () => {
    const split = splitRow(rows, 1)
    expect(split.slice(1, 3)).toEqual([
      { left: [1], right: [1], isManual: true },
      { left: [2], right: [], isManual: true },
    ])
    expect(coversBlocks(split, 4, 4)).toBe(true)
  })

  it('leaves rows alone when there is nothing to merge or split', () => {
    expect(mergeRows(rows, 2)).toEqual(rows)
    expect(splitRow(rows, 0)).toEqual(rows)
  })

  it('notices rows that no longer fit the texts', () => {
    expect(coversBlocks(rows, 5, 4)).toBe(false)
  })
})

describe('relink', () => {
  it('moves a paragraph up into the row above, or down into the row below', () => {
    const up = relink(rows, 1, 'right', 'up')
    expect(up.slice(1)).toEqual([
      { left: [1, 2], right: [1, 2], isManual: true },
      { left: [3], right: [3], isManual: true },
    ])
    expect(coversBlocks(up, 4, 4)).toBe(true)
    const down = relink(rows, 1, 'left', 'down')
    expect(down.slice(1)).toEqual([
      { left: [1], right: [1], isManual: true },
      { left: [2, 3], right: [2, 3], isManual: true },
    ])
  })

  it('drops a row left empty on both sides', () => {
    const emptied = relink(
      [
        { left: [0], right: [0], isManual: false },
        { left: [], right: [1], isManual: false },
      ],
      0,
      'right',
      'up',
    )
    expect(emptied).toEqual([{ left: [0], right: [0, 1], isManual: true }])
  })
})
