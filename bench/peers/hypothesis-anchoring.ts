import approxSearch from 'approx-string-match'
import type { Selectors } from '../../src/shared/model/annotation'

/**
 * The Hypothesis client's way of finding a highlight again (hypothesis/client,
 * src/annotator/anchoring/html.ts and match-quote.ts), re-implemented here as the reference that
 * Lectern's re-anchoring is measured against. Same steps, same library, same weights:
 *
 * 1. the TextPositionSelector, if the text there is still the quote;
 * 2. else every exact occurrence of the quote (a fast `indexOf` loop), or if there is none, every
 *    best approximate match from `approx-string-match` with at most min(256, length / 2) errors,
 *    each scored by quote similarity (50), prefix (20) and suffix (20) similarity, and closeness
 *    to the old position (2); the best one wins, however low its score (Hypothesis has no
 *    threshold: a passage that was deleted is anchored wherever its best approximate match is).
 *
 * Only the DOM work around it (text nodes to ranges) is left out: both sides work on plain text.
 */
export function anchorLikeHypothesis(
  text: string,
  selectors: Selectors,
): { start: number; end: number; score: number } | null {
  const { exact, prefix, suffix } = selectors.quote
  const { start, end } = selectors.position
  if (text.slice(start, end) === exact && exact.length > 0) return { start, end, score: 1 }
  return matchQuote(text, exact, { prefix, suffix, hint: start })
}

interface Match {
  readonly start: number
  readonly end: number
  readonly errors: number
}

/** Exact occurrences if there are any, else approx-string-match's best matches (as Hypothesis). */
function search(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = []
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1))
    exact.push({ start: at, end: at + pattern.length, errors: 0 })
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors)
}

/** 0–1 similarity of a context string to the text found beside a candidate (as Hypothesis). */
function textMatchScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0
  const best = search(text, pattern, pattern.length)[0]
  return best ? 1 - best.errors / pattern.length : 0
}

function matchQuote(
  text: string,
  quote: string,
  context: { prefix: string; suffix: string; hint: number },
): { start: number; end: number; score: number } | null {
  if (quote.length === 0) return null
  const matches = search(text, quote, Math.min(256, quote.length / 2))
  if (matches.length === 0) return null
  const weights = { quote: 50, prefix: 20, suffix: 20, position: 2 }
  const maxScore = weights.quote + weights.prefix + weights.suffix + weights.position
  const scored = matches.map((m) => {
    const quoteScore = 1 - m.errors / quote.length
    const prefixScore = context.prefix
      ? textMatchScore(
          text.slice(Math.max(0, m.start - context.prefix.length), m.start),
          context.prefix,
        )
      : 1
    const suffixScore = context.suffix
      ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix)
      : 1
    const positionScore = 1 - Math.abs(m.start - context.hint) / text.length
    const raw =
      weights.quote * quoteScore +
      weights.prefix * prefixScore +
      weights.suffix * suffixScore +
      weights.position * positionScore
    return { start: m.start, end: m.end, score: raw / maxScore }
  })
  scored.sort((a, b) => b.score - a.score)
  return scored[0] ?? null
}
