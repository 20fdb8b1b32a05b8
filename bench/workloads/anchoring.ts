import { anchorAll } from '../../src/shared/domain/anchoring'
import { editedBookText, isPlacedRight, type EditedText } from '../anchoring-edits'
import { median, time, type BenchResult } from '../measure'
import { anchorLikeHypothesis } from '../peers/hypothesis-anchoring'
import type { Sizes } from '../sizes'

/** The full run's text: 1.2 MB of The Rust Programming Language; the quick run's is a fifth. */
const textLength = (sizes: Sizes) => Math.round(1.2 * sizes.textBytes)

function describeText(edits: EditedText, highlights: number) {
  return `${highlights} highlights on ${(edits.original.length / 1e6).toFixed(2)} MB of a real book`
}

/** Lectern's re-anchoring of every highlight on one text, as `reanchorHighlights` runs it. */
function lectern(edits: EditedText) {
  return anchorAll(edits.edited, edits.selectors)
}

/** The Hypothesis client's approach, highlight by highlight on the same text. */
function hypothesis(edits: EditedText) {
  return edits.selectors.map((s) => anchorLikeHypothesis(edits.edited, s))
}

/** The share of highlights placed right (see `isPlacedRight`). */
export function shareRight(
  edits: EditedText,
  found: readonly ({ start: number; end: number } | null)[],
): number {
  return (
    found.filter((place, i) => isPlacedRight(edits.truth[i] ?? null, place)).length / found.length
  )
}

/**
 * Re-anchoring after a new revision of a real book: ~1% of the characters edited at random, ten
 * paragraphs inserted and 5% of the highlighted passages deleted; Lectern beside the Hypothesis
 * client's approach on the same text and selectors, and the floor of finding every quote exactly.
 */
export async function reanchorEditedBook(sizes: Sizes): Promise<BenchResult[]> {
  const edits = editedBookText(textLength(sizes), sizes.highlights)
  // The places found by the last timed run of each are the ones judged.
  let oursFound: ReturnType<typeof lectern> = []
  let theirsFound: ReturnType<typeof hypothesis> = []
  const ours = median(await time(sizes.runs, () => (oursFound = lectern(edits))))
  // The peer scans the whole text for every edited passage: seconds per run, so fewer runs.
  const theirs = median(
    await time(Math.min(sizes.runs, 3), () => (theirsFound = hypothesis(edits))),
  )
  const floor = median(
    await time(sizes.runs, () => edits.selectors.map((s) => edits.edited.indexOf(s.quote.exact))),
  )
  const oursRight = shareRight(edits, oursFound)
  const theirsRight = shareRight(edits, theirsFound)
  return [
    {
      workload: `re-anchor ${describeText(edits, sizes.highlights)} after ~1% of characters edited, 10 paragraphs inserted, 5% of passages deleted`,
      figure: 'total ms',
      value: ours,
      peer: { name: "Hypothesis client's approach (approx-string-match)", value: theirs },
      floor: { name: 'indexOf of every quote', value: floor },
      target: '≤ 1,000 ms and ≤ ⅓ of the peer',
      isMet: ours <= 1000 && ours * 3 <= theirs,
    },
    {
      workload: `re-anchor ${describeText(edits, sizes.highlights)} after edits: placed right (surviving at the true place, deleted ones orphaned)`,
      figure: '% of highlights',
      value: oursRight * 100,
      peer: { name: "Hypothesis client's approach", value: theirsRight * 100 },
      floor: null,
      target: '100%',
      isMet: oursRight === 1,
    },
  ]
}

/** Re-anchoring the same book with a line added at the start: every position moves. */
export async function reanchorMovedBook(sizes: Sizes): Promise<BenchResult> {
  const edits = editedBookText(textLength(sizes), sizes.highlights)
  const shifted = `Preface. ${edits.original}`
  const ours = median(await time(sizes.runs, () => anchorAll(shifted, edits.selectors)))
  const theirs = median(
    await time(sizes.runs, () => edits.selectors.map((s) => anchorLikeHypothesis(shifted, s))),
  )
  // The least any approach does: compare each quote with the text at its new place, once.
  const moved = 'Preface. '.length
  const floor = median(
    await time(sizes.runs, () =>
      edits.selectors.map(
        (s) => shifted.slice(s.position.start + moved, s.position.end + moved) === s.quote.exact,
      ),
    ),
  )
  return {
    workload: `re-anchor ${describeText(edits, sizes.highlights)}, unchanged but moved`,
    figure: 'total ms',
    value: ours,
    peer: { name: "Hypothesis client's approach", value: theirs },
    floor: { name: 'each quote compared at its new place', value: floor },
    target: '≤ 150 ms',
    isMet: ours <= 150,
  }
}

export const workloads = [reanchorMovedBook, reanchorEditedBook]
