/** How a KeptMap finds what a kept index file holds: rows of numbers, read in place. */
export interface KeptRowsOf<K, V> {
  /** Rows in the file (row numbers are 0 … count-1). */
  readonly count: number
  /** The row holding `key`, or -1. */
  rowOf(key: K): number
  keyOf(row: number): K
  valueOf(row: number): V
}

/**
 * A Map whose first entries are the rows of a kept index file, made into keys and values only
 * when asked for; entries set later live in the Map itself. Reading back a 10 MB library's index
 * would otherwise make four Map entries and an object per passage (60,000) before the first
 * search. A kept row that is deleted stays deleted; kept keys are never set again (new passages
 * get new keys), so the file's rows and the Map's own entries never overlap.
 */
export class KeptMap<K, V> extends Map<K, V> {
  readonly #rows: KeptRowsOf<K, V>
  readonly #isDeleted: Uint8Array
  /** Values made so far, by row: a search asks for the same passages' ids again and again. */
  readonly #made: (V | undefined)[]
  #keptCount: number

  constructor(rows: KeptRowsOf<K, V>) {
    super()
    this.#rows = rows
    this.#isDeleted = new Uint8Array(rows.count)
    this.#made = new Array<V | undefined>(rows.count)
    this.#keptCount = rows.count
  }

  #keptRow(key: K): number {
    const row = this.#rows.rowOf(key)
    return row >= 0 && this.#isDeleted[row] === 0 ? row : -1
  }

  override get size(): number {
    return this.#keptCount + super.size
  }
  override get(key: K): V | undefined {
    const row = this.#keptRow(key)
    return row >= 0 ? this.#valueOf(row) : super.get(key)
  }

  #valueOf(row: number): V {
    return (this.#made[row] ??= this.#rows.valueOf(row))
  }
  override has(key: K): boolean {
    return this.#keptRow(key) >= 0 || super.has(key)
  }
  override set(key: K, value: V): this {
    const row = this.#keptRow(key)
    // Not expected (kept keys are not set again), but a set key must read back as set.
    if (row >= 0) this.#forget(row)
    return super.set(key, value)
  }
  override delete(key: K): boolean {
    const row = this.#keptRow(key)
    if (row < 0) return super.delete(key)
    this.#forget(row)
    return true
  }
  override clear(): void {
    this.#isDeleted.fill(1)
    this.#made.length = 0
    this.#keptCount = 0
    super.clear()
  }

  #forget(row: number): void {
    this.#isDeleted[row] = 1
    this.#made[row] = undefined
    this.#keptCount -= 1
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this) callback.call(thisArg, value, key, this)
  }
  override *entries(): MapIterator<[K, V]> {
    for (let row = 0; row < this.#rows.count; row++)
      if (this.#isDeleted[row] === 0) yield [this.#rows.keyOf(row), this.#valueOf(row)]
    yield* super.entries()
  }
  override *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key
  }
  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries()
  }
}
