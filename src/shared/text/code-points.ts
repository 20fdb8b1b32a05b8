/**
 * Converts between JavaScript string indices (UTF-16 code units, what the app uses) and Unicode
 * code point offsets (what the W3C Web Annotation model requires). Built once per text: it
 * remembers where the characters outside the Basic Multilingual Plane are.
 */
export class CodePointIndex {
  /** UTF-16 index of each astral character (two code units), ascending. */
  readonly #astralStarts: number[] = []

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i)
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1)
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.#astralStarts.push(i)
          i++
        }
      }
    }
  }

  /** The code point offset of a string index. */
  toCodePoints(index: number): number {
    return index - countBelow(this.#astralStarts, index)
  }

  /** The string index of a code point offset. */
  toStringIndex(codePoints: number): number {
    // The k-th astral character sits at code point offset astralStarts[k] - k.
    let low = 0
    let high = this.#astralStarts.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.#astralStarts[middle]! - middle < codePoints) low = middle + 1
      else high = middle
    }
    return codePoints + low
  }
}

function countBelow(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}
