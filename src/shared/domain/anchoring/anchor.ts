import type { Selectors } from '../../model/annotation'
import { searchApproximate, searchApproximateEverywhere } from './approximate-search'
import { indexGrams, type GramIndex } from './gram-filter'
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
 * side breaks ties between repeats; the expected position only breaks what is left (as in
 * Hypothesis).
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
 * How far (characters) from where the passage is expected a match counts as "there": a passage
 * found there is taken before an exact copy elsewhere (a repeated code listing, a quoted
 * sentence). Grows with the distance to the highlight the expectation comes from (see
 * `anchorAll`): about 3% of it, as a revision rarely shifts text by more than that between two
 * passages, and never beyond the first fuzzy search window.
 */
const nearReach = 64
const nearReachPerDistance = 1 / 32
/**
 * Fuzzy matches further away are looked for first this far (characters) either side of where the
 * passage is expected, then this far, then anywhere: the nearest acceptable match wins over a
 * better one far off (a passage repeated with edits elsewhere).
 */
const searchWindows = [2_000, 32_000] as const
/**
 * Texts this long get a gram index for the whole-text fuzzy search (a few ms per MB): shorter ones
 * are scanned whole as fast. Longer ones too, as the index holds 4 bytes per character: 32 MB
 * here, where a 49 MB book would need 200 MB.
 */
const indexedTextLengths = { min: 64_000, max: 8_000_000 } as const

/**
 * Finds a highlight's passage in `text` (guide §3): the old position if it still holds the quote;
 * else a match close to it, exact or with edits; else the exact quote anywhere, choosing among
 * repeats by context and distance; else a fuzzy match near the old position, then anywhere. Null
 * when the passage is gone: never a guess. To find many highlights on one text, `anchorAll` is
 * faster and places passages that moved better.
 */
export function anchor(text: string, selectors: Selectors): Anchor | null {
  return new AnchoringText(text).find(selectors, selectors.position.start, nearReach)
}

/**
 * Finds the passages of many highlights on one text, as `anchor` does for each, with two gains
 * from doing them together. Highlights are taken in the order of their old positions, and each is
 * expected where the previous one that was found moved to, shifted by the same amount: after an
 * edit near the start of a book, every later passage is looked for where it now is rather than
 * where it was (so an edited passage is found there before an unedited copy of it elsewhere). And
 * the text's gram index, which lets a search of the whole text skip all but about 1% of it, is
 * built once for all of them.
 */
export function anchorAll(text: string, selectors: readonly Selectors[]): (Anchor | null)[] {
  const anchoring = new AnchoringText(text)
  const order = selectors.map((_, i) => i)
  order.sort((a, b) => selectors[a]!.position.start - selectors[b]!.position.start || a - b)
  const found: (Anchor | null)[] = new Array<Anchor | null>(selectors.length).fill(null)
  let shift = 0
  let lastStart = 0
  for (const i of order) {
    const s = selectors[i]!
    const start = s.position.start
    const reach = Math.min(
      searchWindows[0],
      nearReach + Math.ceil(Math.abs(start - lastStart) * nearReachPerDistance),
    )
    const result = anchoring.find(s, start + shift, reach)
    found[i] = result
    if (result) {
      shift = result.start - start
      lastStart = start
    }
  }
  return found
}

interface Candidate {
  readonly start: number
  readonly end: number
  readonly errors: number
  readonly score: number
  readonly contextIsExact: boolean
  readonly contextScore: number
}

/** A text being anchored to, with its gram index built on first need. */
class AnchoringText {
  private index: GramIndex | null = null

  constructor(private readonly text: string) {}

  /** One highlight's passage, expected at `expected` (±`reach` for the near search). */
  find(selectors: Selectors, expected: number, reach: number): Anchor | null {
    const { text } = this
    const { exact } = selectors.quote
    const { start, end } = selectors.position
    if (exact.length === 0) return null
    if (text.slice(start, end) === exact) return { start, end, score: 1, method: 'position' }
    const maxErrors = Math.floor(exact.length * maxFuzzyErrorRate)
    const score = (match: { start: number; end: number; errors: number }) =>
      scoreCandidate(text, selectors, expected, match)
    const asAnchor = (c: Candidate): Anchor => ({
      start: c.start,
      end: c.end,
      score: c.score,
      method: c.errors === 0 ? 'quote' : 'fuzzy',
    })

    // Close to where it is expected: exact (a bounded string search, the common case of text that
    // only moved) or else edited, this is the passage.
    const nearFrom = Math.max(0, expected - reach)
    const nearby = text.slice(nearFrom, Math.min(text.length, expected + reach + exact.length))
    const exactNear: Candidate[] = []
    for (let at = nearby.indexOf(exact); at !== -1; at = nearby.indexOf(exact, at + 1))
      exactNear.push(score({ start: nearFrom + at, end: nearFrom + at + exact.length, errors: 0 }))
    const nearExact = best(exactNear.filter((c) => isAcceptable(c, exact.length)))
    if (nearExact) return asAnchor(nearExact)
    const near = best(
      this.scan(exact, maxErrors, expected - reach, expected + reach)
        .filter((m) => Math.abs(m.start - expected) <= reach)
        .map(score)
        .filter((c) => isAcceptable(c, exact.length)),
    )
    if (near) return asAnchor(near)

    // The exact quote anywhere else.
    const exactMatches: Candidate[] = []
    for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1))
      exactMatches.push(score({ start: at, end: at + exact.length, errors: 0 }))
    const bestExact = best(exactMatches.filter((c) => isAcceptable(c, exact.length)))
    if (bestExact) return asAnchor(bestExact)

    // A fuzzy match: near first, then further, then anywhere.
    const [nearWindow, farWindow] = searchWindows
    const inWindow = (reachOfWindow: number) => (c: Candidate) =>
      c.start >= expected - reachOfWindow - exact.length && c.end <= expected + reachOfWindow
    const close = best(
      this.scan(exact, maxErrors, expected - nearWindow, expected + nearWindow)
        .map(score)
        .filter((c) => isAcceptable(c, exact.length) && inWindow(nearWindow)(c)),
    )
    if (close) return asAnchor(close)
    const everywhere = this.searchEverywhere(exact, maxErrors)
      .map(score)
      .filter((c) => isAcceptable(c, exact.length))
    const found = best(everywhere.filter(inWindow(farWindow))) ?? best(everywhere)
    return found ? asAnchor(found) : null
  }

  /**
   * Matches with at most `maxErrors` edits that start within `[from, to)` (clamped to the text),
   * each with its edit count as a search of the whole text would give it: the scan starts early
   * enough for that.
   */
  private scan(pattern: string, maxErrors: number, from: number, to: number) {
    const span = pattern.length + maxErrors
    const scanFrom = Math.max(0, from - span)
    const scanTo = Math.min(this.text.length, to + span)
    return searchApproximate(this.text, pattern, maxErrors, scanFrom, scanTo).filter(
      (m) => scanFrom === 0 || m.end >= scanFrom + span,
    )
  }

  private searchEverywhere(pattern: string, maxErrors: number) {
    const { length } = this.text
    if (length < indexedTextLengths.min || length > indexedTextLengths.max)
      return searchApproximate(this.text, pattern, maxErrors)
    this.index ??= indexGrams(this.text)
    return searchApproximateEverywhere(this.index, pattern, maxErrors)
  }
}

/** A candidate's score: the quote's similarity, its context's, and its distance from `expected`. */
function scoreCandidate(
  text: string,
  selectors: Selectors,
  expected: number,
  match: { start: number; end: number; errors: number },
): Candidate {
  const { exact, prefix, suffix } = selectors.quote
  const quoteScore = 1 - match.errors / exact.length
  const prefixScore = similarity(
    prefix,
    text.slice(Math.max(0, match.start - prefix.length), match.start),
  )
  const suffixScore = similarity(suffix, text.slice(match.end, match.end + suffix.length))
  const positionScore = 1 - Math.min(1, Math.abs(match.start - expected) / Math.max(1, text.length))
  const score =
    (weights.quote * quoteScore +
      weights.prefix * prefixScore +
      weights.suffix * suffixScore +
      weights.position * positionScore) /
    totalWeight
  return {
    ...match,
    score,
    contextIsExact: prefixScore === 1 && suffixScore === 1,
    contextScore: (prefixScore + suffixScore) / 2,
  }
}

/**
 * Whether a candidate may be taken at all. An exact one: if the quote is long enough not to recur
 * by chance, or some of its context came along. One with edits: if it scores well enough overall,
 * and for a short quote, only with its context exactly.
 */
function isAcceptable(c: Candidate, quoteLength: number): boolean {
  if (c.errors === 0) return quoteLength >= minFuzzyQuoteLength || c.contextScore >= 0.5
  return c.score >= minFuzzyScore && (quoteLength >= minFuzzyQuoteLength || c.contextIsExact)
}

function best(candidates: readonly Candidate[]): Candidate | undefined {
  let found: Candidate | undefined
  for (const c of candidates) if (found === undefined || c.score > found.score) found = c
  return found
}
