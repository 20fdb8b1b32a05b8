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
  const ends = bestEndOfEachRun(findMatchEnds(text, pattern, maxErrors, from, to))
  return ends
    .map(({ end, errors }) => ({
      start: findMatchStart(text, pattern, end, errors, from),
      end,
      errors,
    }))
    .sort((a, b) => a.errors - b.errors || a.start - b.start)
}

interface MatchEnd {
  readonly end: number
  readonly errors: number
}

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
  const last = blockCount - 1
  const blockHeight = (block: number) => (block === last ? length - last * wordSize : wordSize)

  // For each character of the pattern, per block: a bit for each row where it occurs.
  const equalities = new Map<number, Int32Array>()
  for (let i = 0; i < length; i++) {
    const code = pattern.charCodeAt(i)
    let masks = equalities.get(code)
    if (!masks) equalities.set(code, (masks = new Int32Array(blockCount)))
    masks[(i / wordSize) | 0]! |= 1 << (i % wordSize)
  }
  const noEqualities = new Int32Array(blockCount)

  // Vertical deltas of the current column, per block: +1 bits (P) and -1 bits (M).
  const plus = new Int32Array(blockCount).fill(-1)
  const minus = new Int32Array(blockCount)
  const lastRowBit = new Int32Array(blockCount).fill(1 << 31)
  lastRowBit[last] = 1 << ((length - 1) % wordSize)
  // Edit distance at the last row of each block in the current column.
  const score = new Int32Array(blockCount)
  for (let block = 0; block < blockCount; block++)
    score[block] = block * wordSize + blockHeight(block)

  const advanceBlock = (block: number, equal: number, horizontalIn: number): number => {
    const vPlus = plus[block]!
    const vMinus = minus[block]!
    const xV = equal | vMinus
    const eq = horizontalIn < 0 ? equal | 1 : equal
    const xH = ((((eq & vPlus) + vPlus) | 0) ^ vPlus) | eq
    let hPlus = vMinus | ~(xH | vPlus)
    let hMinus = vPlus & xH
    const horizontalOut = hPlus & lastRowBit[block]! ? 1 : hMinus & lastRowBit[block]! ? -1 : 0
    hPlus = (hPlus << 1) | (horizontalIn > 0 ? 1 : 0)
    hMinus = (hMinus << 1) | (horizontalIn < 0 ? 1 : 0)
    plus[block] = hMinus | ~(xV | hPlus)
    minus[block] = hPlus & xV
    return horizontalOut
  }

  // Blocks beyond `active` cannot hold a value ≤ maxErrors yet (Ukkonen's cut-off).
  let active = Math.min(last, Math.max(0, Math.ceil(maxErrors / wordSize) - 1))
  const ends: MatchEnd[] = []
  for (let j = from; j < to; j++) {
    const equal = equalities.get(text.charCodeAt(j)) ?? noEqualities
    let carry = 0
    for (let block = 0; block <= active; block++) {
      carry = advanceBlock(block, equal[block]!, carry)
      score[block]! += carry
    }
    if (
      active < last &&
      score[active]! - carry <= maxErrors &&
      ((equal[active + 1]! & 1) !== 0 || carry < 0)
    ) {
      active++
      plus[active] = -1
      minus[active] = 0
      score[active] =
        score[active - 1]! -
        carry +
        blockHeight(active) +
        advanceBlock(active, equal[active]!, carry)
    } else {
      while (active > 0 && score[active]! >= maxErrors + wordSize) active--
    }
    if (active === last && score[last]! <= maxErrors)
      ends.push({ end: j + 1, errors: score[last]! })
  }
  return ends
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
 * Where the best alignment of `pattern` that ends at `end` with `errors` edits starts: an edit
 * distance table over the reversed pattern and the text read backwards from `end`.
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
  let previous = new Int32Array(span + 1)
  let current = new Int32Array(span + 1)
  for (let j = 0; j <= span; j++) previous[j] = j
  for (let i = 1; i <= length; i++) {
    current[0] = i
    const patternCode = pattern.charCodeAt(length - i)
    for (let j = 1; j <= span; j++) {
      const substitution = previous[j - 1]! + (text.charCodeAt(end - j) === patternCode ? 0 : 1)
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1)
    }
    ;[previous, current] = [current, previous]
  }
  // Fewest edits; among equals, the consumed length closest to the pattern's.
  let bestLength = 0
  for (let j = 1; j <= span; j++) {
    const better = previous[j]! < previous[bestLength]!
    const asGoodButCloser =
      previous[j] === previous[bestLength] && Math.abs(j - length) < Math.abs(bestLength - length)
    if (better || asGoodButCloser) bestLength = j
  }
  return end - bestLength
}
