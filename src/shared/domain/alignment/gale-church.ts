/** One aligned pair: blocks of the left text with the blocks of the right text they translate. */
export interface AlignedRow {
  readonly left: readonly number[]
  readonly right: readonly number[]
}

/**
 * Gale and Church (1993): how lengths of translated paragraphs relate. The ratio of characters
 * (c) and its variance per character (s²) are the paper's values for European languages; the
 * priors are how often 1–1, 1–0, 2–1 and 2–2 groupings occur.
 */
const meanRatio = 1
const variancePerCharacter = 6.8
const priors = {
  '1-1': 0.89,
  '1-0': 0.0099 / 2,
  '0-1': 0.0099 / 2,
  '2-1': 0.089 / 2,
  '1-2': 0.089 / 2,
  '2-2': 0.011,
} as const
const moves: readonly { key: keyof typeof priors; left: number; right: number }[] = [
  { key: '1-1', left: 1, right: 1 },
  { key: '1-0', left: 1, right: 0 },
  { key: '0-1', left: 0, right: 1 },
  { key: '2-1', left: 2, right: 1 },
  { key: '1-2', left: 1, right: 2 },
  { key: '2-2', left: 2, right: 2 },
]

/**
 * Aligns two texts' blocks by their lengths in characters. Equal counts align one to one (the
 * usual case for an original and its translation); otherwise the Gale–Church dynamic programme
 * finds the most probable grouping. Pure and deterministic.
 */
export function alignBlocks(
  leftLengths: readonly number[],
  rightLengths: readonly number[],
): AlignedRow[] {
  if (leftLengths.length === rightLengths.length)
    return leftLengths.map((_, index) => ({ left: [index], right: [index] }))
  const rows = leftLengths.length
  const columns = rightLengths.length
  const cost: number[][] = Array.from({ length: rows + 1 }, () =>
    new Array<number>(columns + 1).fill(Number.POSITIVE_INFINITY),
  )
  const back: (typeof moves)[number][][] = Array.from(
    { length: rows + 1 },
    () => new Array(columns + 1),
  )
  cost[0]![0] = 0
  for (let i = 0; i <= rows; i++) {
    for (let j = 0; j <= columns; j++) {
      for (const move of moves) {
        const fromI = i - move.left
        const fromJ = j - move.right
        if (fromI < 0 || fromJ < 0) continue
        const previous = cost[fromI]![fromJ]!
        if (!Number.isFinite(previous)) continue
        const left = sum(leftLengths, fromI, i)
        const right = sum(rightLengths, fromJ, j)
        const total = previous + matchCost(left, right) - Math.log(priors[move.key])
        if (total < cost[i]![j]!) {
          cost[i]![j] = total
          back[i]![j] = move
        }
      }
    }
  }
  const aligned: AlignedRow[] = []
  for (let i = rows, j = columns; i > 0 || j > 0;) {
    const move = back[i]![j]!
    aligned.unshift({ left: range(i - move.left, i), right: range(j - move.right, j) })
    i -= move.left
    j -= move.right
  }
  return aligned
}

/** −log of the probability that lengths this different are a translation of each other. */
function matchCost(left: number, right: number): number {
  if (left === 0 && right === 0) return 0
  const mean = (left + right / meanRatio) / 2
  const z = (meanRatio * left - right) / Math.sqrt(variancePerCharacter * Math.max(mean, 1))
  const probability = 2 * (1 - normalCdf(Math.abs(z)))
  return -Math.log(Math.max(probability, Number.MIN_VALUE))
}

/** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error < 7.5e-8). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * x)
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)
  const tail =
    density *
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
  return 1 - tail
}

function sum(lengths: readonly number[], from: number, to: number): number {
  let total = 0
  for (let i = from; i < to; i++) total += lengths[i]!
  return total
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k)
}
