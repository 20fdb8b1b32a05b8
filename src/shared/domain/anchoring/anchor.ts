import type { Selectors } from '../../model/annotation'
import { searchApproximate } from './approximate-search'
import { similarity } from './similarity'

/** Where a highlight's passage is in a text, and how it was found. */
export interface Anchor {
  readonly start: number
  readonly end: number
  /** 0–1: how closely the passage and its context match what was highlighted. */
  readonly score: number
  readonly method: 'position' | 'quote' | 'fuzzy'
}

/**
 * How much each signal counts when candidates compete. The quote dominates; the context on each
 * side breaks ties between repeats; the old position only breaks what is left (as in Hypothesis).
 */
const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const
const totalWeight = weights.quote + weights.prefix + weights.suffix + weights.position

/**
 * A fuzzy match may differ from the quote in at most this share of its characters. Edits of up
 * to 10% are the normal case; 25% leaves room while an unrelated passage of 30+ characters of
 * prose almost never comes that close.
 */
const maxFuzzyErrorRate = 0.25
/** Quotes shorter than this need their context to match exactly: short strings recur by chance. */
export const minFuzzyQuoteLength = 10
/** A fuzzy candidate must also score this well overall, context and quote together. */
const minFuzzyScore = 0.6
/**
 * Fuzzy searches look this far (characters, at least) either side of the old place, widening
 * step by step before scanning the whole text: edits before a passage shift it, and a whole-text
 * scan of a long book costs tens of milliseconds per quote where a window costs a fraction of one.
 */
const searchWindows = [2_000, 32_000] as const

/**
 * Finds a highlight's passage in `text` (guide §3): the old position if it still holds the
 * quote; else the exact quote, choosing among repeats by context and distance; else a fuzzy
 * match near the old position, then anywhere. Null when the passage is gone: never a guess.
 */
export function anchor(text: string, selectors: Selectors): Anchor | null {
  const { exact, prefix, suffix } = selectors.quote
  const { start, end } = selectors.position
  if (exact.length === 0) return null
  if (text.slice(start, end) === exact) return { start, end, score: 1, method: 'position' }

  const scoreAt = (candidateStart: number, candidateEnd: number, errors: number) => {
    const quoteScore = 1 - errors / exact.length
    const prefixScore = similarity(
      prefix,
      text.slice(Math.max(0, candidateStart - prefix.length), candidateStart),
    )
    const suffixScore = similarity(suffix, text.slice(candidateEnd, candidateEnd + suffix.length))
    const positionScore =
      1 - Math.min(1, Math.abs(candidateStart - start) / Math.max(1, text.length))
    const score =
      (weights.quote * quoteScore +
        weights.prefix * prefixScore +
        weights.suffix * suffixScore +
        weights.position * positionScore) /
      totalWeight
    return {
      score,
      contextIsExact: prefixScore === 1 && suffixScore === 1,
      contextScore: (prefixScore + suffixScore) / 2,
    }
  }

  const exactMatches = findAll(text, exact).map((at) => ({
    at,
    ...scoreAt(at, at + exact.length, 0),
  }))
  // A short quote found elsewhere is only the same passage if some of its context came along.
  const credible =
    exact.length >= minFuzzyQuoteLength
      ? exactMatches
      : exactMatches.filter((m) => m.contextScore >= 0.5)
  const bestExact = maxBy(credible, (m) => m.score)
  if (bestExact)
    return {
      start: bestExact.at,
      end: bestExact.at + exact.length,
      score: bestExact.score,
      method: 'quote',
    }

  const maxErrors = Math.floor(exact.length * maxFuzzyErrorRate)
  for (const reach of searchWindows) {
    const window = Math.max(reach, exact.length * 2)
    const from = Math.max(0, start - window)
    const to = Math.min(text.length, end + window)
    const found = bestFuzzy(fuzzyCandidates(text, exact, maxErrors, from, to))
    if (found) return { start: found.start, end: found.end, score: found.score, method: 'fuzzy' }
    if (from === 0 && to === text.length) return null
  }
  const best = bestFuzzy(fuzzyCandidates(text, exact, maxErrors, 0, text.length))
  return best ? { start: best.start, end: best.end, score: best.score, method: 'fuzzy' } : null

  function fuzzyCandidates(
    inText: string,
    pattern: string,
    errors: number,
    from: number,
    to: number,
  ) {
    return searchApproximate(inText, pattern, errors, from, to).map((match) => ({
      ...match,
      ...scoreAt(match.start, match.end, match.errors),
    }))
  }
  function bestFuzzy(candidates: ReturnType<typeof fuzzyCandidates>) {
    const acceptable = candidates.filter(
      (c) => c.score >= minFuzzyScore && (exact.length >= minFuzzyQuoteLength || c.contextIsExact),
    )
    return maxBy(acceptable, (c) => c.score)
  }
}

function findAll(text: string, quote: string): number[] {
  const found: number[] = []
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at)
  return found
}

function maxBy<T>(items: readonly T[], value: (item: T) => number): T | undefined {
  let best: T | undefined
  for (const item of items) if (best === undefined || value(item) > value(best)) best = item
  return best
}
