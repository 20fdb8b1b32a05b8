import { regionsToScan, type GramIndex } from './gram-filter'

/** Bits per word of the bit-parallel matcher: JavaScript's bitwise operators work on 32 bits. */
const wordSize = 32

/** A place where a pattern occurs in a text with some edits: `[start, end)` and the edit count. */
export interface ApproximateMatch {
  readonly start: number
  readonly end: number
  readonly errors: number
}

/**
 * Finds where `pattern` occurs in `text[from, to)` with at most `maxErrors` edits (insertions,
 * deletions, substitutions), best first. Myers' bit-parallel algorithm (1999), in its blocked
 * form with Ukkonen's cut-off for patterns longer than 32 characters: about one machine-word
 * operation per text character per active 32-character block of the pattern.
 */
export function searchApproximate(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): ApproximateMatch[] {
  if (pattern.length === 0) return []
  const lower = Math.max(0, from)
  const upper = Math.min(text.length, to)
  if (upper <= lower) return []
  const ends = bestEndOfEachRun(findMatchEnds(text, pattern, maxErrors, lower, upper))
  return ends
    .map(({ end, errors }) => ({
      start: findMatchStart(text, pattern, end, errors, lower),
      end,
      errors,
    }))
    .sort((a, b) => a.errors - b.errors || a.start - b.start)
}

/**
 * The same matches as `searchApproximate(index.text, pattern, maxErrors)`, found by scanning only
 * the stretches of the text that the gram filter leaves (about 1% of a book for a passage that is
 * gone): the whole-text search that decides that a deleted passage is an orphan.
 */
export function searchApproximateEverywhere(
  index: GramIndex,
  pattern: string,
  maxErrors: number,
): ApproximateMatch[] {
  const { text } = index
  if (pattern.length === 0) return []
  const regions = regionsToScan(index, pattern, maxErrors)
  if (regions === null) return searchApproximate(text, pattern, maxErrors)
  // Each region's scan counts its ends' edits as a whole-text scan would (see regionsToScan).
  const ends: MatchEnd[] = []
  for (const { from, to } of regions)
    ends.push(...findMatchEnds(text, pattern, maxErrors, from, to))
  return bestEndOfEachRun(ends)
    .map(({ end, errors }) => ({
      start: findMatchStart(text, pattern, end, errors, 0),
      end,
      errors,
    }))
    .sort((a, b) => a.errors - b.errors || a.start - b.start)
}

interface MatchEnd {
  readonly end: number
  readonly errors: number
}

/**
 * For each UTF-16 code, its number among the pattern's distinct characters (1…), or 0 when the
 * pattern does not hold it. One table reused by every search (and cleared after each), so the
 * scan looks a text character up in a typed array instead of a map: the scan is the whole cost of
 * re-anchoring a passage that was deleted, and this lookup was most of the scan.
 */
const symbolOfCode = new Uint16Array(65_536)

/** Every position after which the pattern ends with at most `maxErrors` edits. */
function findMatchEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
): MatchEnd[] {
  const length = pattern.length
  const blockCount = Math.ceil(length / wordSize)

  // For each distinct character of the pattern, per block: a bit for each row where it occurs.
  // Row 0 of the table (characters the pattern does not hold) stays all zeros.
  const codes: number[] = []
  for (let i = 0; i < length; i++) {
    const code = pattern.charCodeAt(i)
    if (symbolOfCode[code] === 0) {
      codes.push(code)
      symbolOfCode[code] = codes.length
    }
  }
  try {
    const equalities = new Int32Array((codes.length + 1) * blockCount)
    for (let i = 0; i < length; i++) {
      const row = symbolOfCode[pattern.charCodeAt(i)]! * blockCount + ((i / wordSize) | 0)
      equalities[row] = equalities[row]! | (1 << (i % wordSize))
    }
    return scan(text, from, to, equalities, length, maxErrors)
  } finally {
    for (const code of codes) symbolOfCode[code] = 0
  }
}

/**
 * The scan itself, apart from the table's setup and clean-up so that the engine optimises this
 * loop on its own: it runs once per text character per active block.
 */
function scan(
  text: string,
  from: number,
  to: number,
  equalities: Int32Array,
  length: number,
  maxErrors: number,
): MatchEnd[] {
  const blockCount = Math.ceil(length / wordSize)
  const symbols = symbolOfCode
  const last = blockCount - 1
  const lastHeight = length - last * wordSize
  // Vertical deltas of the current column, per block: +1 bits (plus) and -1 bits (minus).
  const plus = new Int32Array(blockCount).fill(-1)
  const minus = new Int32Array(blockCount)
  const lastRowBit = new Int32Array(blockCount).fill(1 << 31)
  lastRowBit[last] = 1 << ((length - 1) % wordSize)
  // Edit distance at the last row of each block in the current column.
  const score = new Int32Array(blockCount)
  for (let block = 0; block < blockCount; block++)
    score[block] = block === last ? length : (block + 1) * wordSize

  // Blocks beyond `active` cannot hold a value ≤ maxErrors yet (Ukkonen's cut-off).
  let active = Math.min(last, Math.max(0, Math.ceil(maxErrors / wordSize) - 1))
  const ends: MatchEnd[] = []
  for (let j = from; j < to; j++) {
    const base = symbols[text.charCodeAt(j)]! * blockCount
    let carry = 0
    // One column step of each active block (Myers 1999, fig. 8), written out in place: this
    // loop runs once per text character per block.
    for (let block = 0; block <= active; block++) {
      const vPlus = plus[block]!
      const vMinus = minus[block]!
      const carryIsNegative = carry >>> 31
      const equal = equalities[base + block]! | carryIsNegative
      const xV = equal | vMinus
      const xH = (((equal & vPlus) + vPlus) ^ vPlus) | equal
      const hPlus = vMinus | ~(xH | vPlus)
      const hMinus = vPlus & xH
      const bit = lastRowBit[block]!
      const out = oneIfNotZero(hPlus & bit) - oneIfNotZero(hMinus & bit)
      const shiftedPlus = (hPlus << 1) | (oneIfNotZero(carry) - carryIsNegative)
      const shiftedMinus = (hMinus << 1) | carryIsNegative
      plus[block] = shiftedMinus | ~(xV | shiftedPlus)
      minus[block] = shiftedPlus & xV
      score[block] = score[block]! + out
      carry = out
    }
    if (
      active < last &&
      score[active]! - carry <= maxErrors &&
      ((equalities[base + active + 1]! & 1) !== 0 || carry < 0)
    ) {
      // The next block may come within reach: start it from a column of +1 deltas.
      const block = ++active
      plus[block] = -1
      minus[block] = 0
      const out = advanceBlock(plus, minus, lastRowBit, block, equalities[base + block]!, carry)
      score[block] = score[block - 1]! - carry + (block === last ? lastHeight : wordSize) + out
    } else {
      while (active > 0 && score[active]! >= maxErrors + wordSize) active--
    }
    if (active === last && score[last]! <= maxErrors)
      ends.push({ end: j + 1, errors: score[last]! })
  }
  return ends
}

/** 1 for any non-zero 32-bit value, else 0, without a branch (the scan's branches mispredict). */
function oneIfNotZero(value: number): number {
  return ((value | -value) >>> 31) & 1
}

/** One column step of one block, as in the scan's inner loop: the deltas out of its last row. */
function advanceBlock(
  plus: Int32Array,
  minus: Int32Array,
  lastRowBit: Int32Array,
  block: number,
  equalBits: number,
  carry: number,
): number {
  const vPlus = plus[block]!
  const vMinus = minus[block]!
  const xV = equalBits | vMinus
  const equal = carry < 0 ? equalBits | 1 : equalBits
  const xH = (((equal & vPlus) + vPlus) ^ vPlus) | equal
  let hPlus = vMinus | ~(xH | vPlus)
  let hMinus = vPlus & xH
  const bit = lastRowBit[block]!
  const out = hPlus & bit ? 1 : hMinus & bit ? -1 : 0
  hPlus = (hPlus << 1) | (carry > 0 ? 1 : 0)
  hMinus = (hMinus << 1) | (carry < 0 ? 1 : 0)
  plus[block] = hMinus | ~(xV | hPlus)
  minus[block] = hPlus & xV
  return out
}

/** Neighbouring ends belong to one occurrence; keep the one with fewest edits of each run. */
function bestEndOfEachRun(ends: readonly MatchEnd[]): MatchEnd[] {
  const best: MatchEnd[] = []
  let previousEnd = -2
  for (const end of ends) {
    const current = best[best.length - 1]
    if (current && end.end === previousEnd + 1) {
      if (end.errors < current.errors) best[best.length - 1] = end
    } else best.push(end)
    previousEnd = end.end
  }
  return best
}

/**
 * Where the best alignment of `pattern` that ends at `end` with `errors` edits starts: the edit
 * distance of the whole pattern to the text read backwards from `end`, for each length read,
 * computed column by column with the same bit-parallel step as the scan (the reversed pattern,
 * and a +1 entering the top row, as every text character read must be paid for).
 */
function findMatchStart(
  text: string,
  pattern: string,
  end: number,
  errors: number,
  from: number,
): number {
  const length = pattern.length
  const span = Math.min(end - from, length + errors)
  const blockCount = Math.ceil(length / wordSize)
  const last = blockCount - 1
  const codes: number[] = []
  for (let i = 0; i < length; i++) {
    const code = pattern.charCodeAt(i)
    if (symbolOfCode[code] === 0) {
      codes.push(code)
      symbolOfCode[code] = codes.length
    }
  }
  try {
    // Row r of the reversed pattern is pattern[length - 1 - r].
    const equalities = new Int32Array((codes.length + 1) * blockCount)
    for (let r = 0; r < length; r++) {
      const row =
        symbolOfCode[pattern.charCodeAt(length - 1 - r)]! * blockCount + ((r / wordSize) | 0)
      equalities[row] = equalities[row]! | (1 << (r % wordSize))
    }
    const plus = new Int32Array(blockCount).fill(-1)
    const minus = new Int32Array(blockCount)
    const lastRowBit = new Int32Array(blockCount).fill(1 << 31)
    lastRowBit[last] = 1 << ((length - 1) % wordSize)
    // Distance of the whole pattern to the last `read` characters before `end`.
    let distance = length
    // Fewest edits; among equals, the length read closest to the pattern's.
    let bestLength = 0
    let bestDistance = length
    for (let read = 1; read <= span; read++) {
      const base = symbolOfCode[text.charCodeAt(end - read)]! * blockCount
      let carry = 1
      for (let block = 0; block <= last; block++)
        carry = advanceBlock(plus, minus, lastRowBit, block, equalities[base + block]!, carry)
      distance += carry
      if (
        distance < bestDistance ||
        (distance === bestDistance && Math.abs(read - length) < Math.abs(bestLength - length))
      ) {
        bestDistance = distance
        bestLength = read
      }
    }
    return end - bestLength
  } finally {
    for (const code of codes) symbolOfCode[code] = 0
  }
}
