/** A half-open span `[start, end)` with an id. */
export interface Interval {
  readonly id: string
  readonly start: number
  readonly end: number
}

/**
 * Answers "which intervals contain this offset?" in O(log n + k): intervals sorted by start,
 * with the running maximum of their ends, so a backwards scan stops as soon as nothing earlier
 * can reach the offset.
 */
export class IntervalIndex {
  readonly #sorted: readonly Interval[]
  readonly #maxEndUpTo: Int32Array

  constructor(intervals: readonly Interval[]) {
    this.#sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end)
    this.#maxEndUpTo = new Int32Array(this.#sorted.length)
    let maxEnd = -1
    this.#sorted.forEach((interval, index) => {
      maxEnd = Math.max(maxEnd, interval.end)
      this.#maxEndUpTo[index] = maxEnd
    })
  }

  /** Intervals containing `offset`, shortest first (the innermost of overlapping highlights). */
  at(offset: number): Interval[] {
    const found: Interval[] = []
    for (
      let index = this.#lastStartingAtOrBefore(offset);
      index >= 0 && this.#maxEndUpTo[index]! > offset;
      index--
    ) {
      const interval = this.#sorted[index]!
      if (interval.end > offset) found.push(interval)
    }
    return found.sort((a, b) => a.end - a.start - (b.end - b.start))
  }

  #lastStartingAtOrBefore(offset: number): number {
    let low = 0
    let high = this.#sorted.length - 1
    let result = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (this.#sorted[middle]!.start <= offset) {
        result = middle
        low = middle + 1
      } else high = middle - 1
    }
    return result
  }
}
