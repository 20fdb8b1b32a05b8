import type { TermData } from './search-index'

/** Where one term's postings are in a kept index: entry short ids and counts, [from, to). */
export interface PostingRange {
  readonly ids: Int32Array
  readonly counts: Int32Array
  readonly from: number
  readonly to: number
}

/**
 * A term's postings as MiniSearch holds them (field id → entry → count), made into Maps only when
 * a search or a change first touches the term. Loading a kept index then costs a read and the
 * term list, not a Map entry per posting (1.3 million for a 10 MB library, 0.12 s), so the first
 * search after a restart pays only for the terms it asks about.
 */
export class LazyTermData extends Map<number, Map<number, number>> implements TermData {
  #pending: PostingRange | null

  constructor(range: PostingRange) {
    super()
    this.#pending = range
  }

  #ready(): void {
    const range = this.#pending
    if (!range) return
    this.#pending = null
    const postings = new Map<number, number>()
    for (let i = range.from; i < range.to; i++) postings.set(range.ids[i]!, range.counts[i]!)
    // The only field is 'text' (id 0); a term with no postings has no field entry, as in MiniSearch.
    if (postings.size > 0) super.set(0, postings)
  }

  override get size(): number {
    this.#ready()
    return super.size
  }
  override get(key: number): Map<number, number> | undefined {
    this.#ready()
    return super.get(key)
  }
  override has(key: number): boolean {
    this.#ready()
    return super.has(key)
  }
  override set(key: number, value: Map<number, number>): this {
    this.#ready()
    return super.set(key, value)
  }
  override delete(key: number): boolean {
    this.#ready()
    return super.delete(key)
  }
  override clear(): void {
    this.#pending = null
    super.clear()
  }
  override forEach(
    callback: (
      value: Map<number, number>,
      key: number,
      map: Map<number, Map<number, number>>,
    ) => void,
    thisArg?: unknown,
  ): void {
    this.#ready()
    super.forEach(callback, thisArg)
  }
  override entries(): MapIterator<[number, Map<number, number>]> {
    this.#ready()
    return super.entries()
  }
  override keys(): MapIterator<number> {
    this.#ready()
    return super.keys()
  }
  override values(): MapIterator<Map<number, number>> {
    this.#ready()
    return super.values()
  }
  override [Symbol.iterator](): MapIterator<[number, Map<number, number>]> {
    this.#ready()
    return super[Symbol.iterator]()
  }
}
