import type { AlignedRow } from './gale-church'

/** A row the reader fixed by hand; automatic alignment never replaces it. */
export interface StoredRow extends AlignedRow {
  readonly isManual: boolean
}

/** Joins row `index` with the next one. */
export function mergeRows(rows: readonly StoredRow[], index: number): StoredRow[] {
  const first = rows[index]
  const second = rows[index + 1]
  if (!first || !second) return [...rows]
  const merged: StoredRow = {
    left: [...first.left, ...second.left],
    right: [...first.right, ...second.right],
    isManual: true,
  }
  return [...rows.slice(0, index), merged, ...rows.slice(index + 2)]
}

/** Splits row `index` after its first block on each side (a side with one block keeps it first). */
export function splitRow(rows: readonly StoredRow[], index: number): StoredRow[] {
  const row = rows[index]
  if (!row || (row.left.length < 2 && row.right.length < 2)) return [...rows]
  const head: StoredRow = {
    left: row.left.slice(0, 1),
    right: row.right.slice(0, 1),
    isManual: true,
  }
  const tail: StoredRow = { left: row.left.slice(1), right: row.right.slice(1), isManual: true }
  return [...rows.slice(0, index), head, tail, ...rows.slice(index + 1)]
}

/** True when the rows cover blocks 0…n−1 of each side exactly once, in order. */
export function coversBlocks(
  rows: readonly AlignedRow[],
  leftCount: number,
  rightCount: number,
): boolean {
  const left = rows.flatMap((row) => row.left)
  const right = rows.flatMap((row) => row.right)
  return (
    left.length === leftCount &&
    right.length === rightCount &&
    left.every((b, i) => b === i) &&
    right.every((b, i) => b === i)
  )
}

/**
 * Relinks one paragraph across a row boundary: `up` moves the first block of row `index + 1` on
 * `side` into row `index`; `down` moves the last block of row `index` on `side` into the next
 * row. Rows left empty on both sides disappear.
 */
export function relink(
  rows: readonly StoredRow[],
  index: number,
  side: 'left' | 'right',
  direction: 'up' | 'down',
): StoredRow[] {
  const row = rows[index]
  const next = rows[index + 1]
  if (!row || !next) return [...rows]
  const moving = direction === 'up' ? next[side][0] : row[side].at(-1)
  if (moving === undefined) return [...rows]
  const changedRow: StoredRow = {
    ...row,
    [side]: direction === 'up' ? [...row[side], moving] : row[side].slice(0, -1),
    isManual: true,
  }
  const changedNext: StoredRow = {
    ...next,
    [side]: direction === 'up' ? next[side].slice(1) : [moving, ...next[side]],
    isManual: true,
  }
  return [...rows.slice(0, index), changedRow, changedNext, ...rows.slice(index + 2)].filter(
    (r) => r.left.length + r.right.length > 0,
  )
}
