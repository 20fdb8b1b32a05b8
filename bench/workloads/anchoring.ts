import { anchor, describe, searchApproximate } from '../../src/shared/domain/anchoring'
import { generateProse, randomInt, seededRandom } from '../../tests/support/generated-text'
import { median, time, type BenchResult } from '../measure'
import type { Sizes } from '../sizes'

/** Quotes of 30–200 characters spread over a text, described as highlights are. */
function makeHighlights(text: string, count: number, random: () => number) {
  return Array.from({ length: count }, () => {
    const length = randomInt(random, 30, 200)
    const start = randomInt(random, 0, text.length - length - 1)
    return describe(text, start, start + length)
  })
}

/** Re-anchoring unchanged text, against a plain search for each quote. */
export async function reanchorUnchanged(sizes: Sizes): Promise<BenchResult> {
  const random = seededRandom(8)
  const text = generateProse(random, sizes.textBytes)
  const selectors = makeHighlights(text, sizes.highlights, random)
  const shifted = `Preface. ${text}` // every position moves, so the quote search runs
  const ours = median(await time(sizes.runs, () => selectors.forEach((s) => anchor(shifted, s))))
  const reference = median(
    await time(sizes.runs, () => selectors.forEach((s) => shifted.indexOf(s.quote.exact))),
  )
  return {
    workload: `re-anchor ${sizes.highlights} highlights on a ${(sizes.textBytes / 1e6).toFixed(1)} MB text, unchanged (moved)`,
    figure: 'total ms',
    value: ours,
    peer: null,
    floor: { name: 'indexOf per quote', value: reference },
    target: '≤ 150 ms',
    isMet: ours <= 150,
  }
}

/** Re-anchoring after about 1% random edits, against a fuzzy scan of the whole text per quote. */
export async function reanchorEdited(sizes: Sizes): Promise<BenchResult[]> {
  const random = seededRandom(9)
  let text = generateProse(random, sizes.textBytes)
  const selectors = makeHighlights(text, sizes.highlights, random)
  for (let edit = 0; edit < sizes.textBytes / 100 / 5; edit++) {
    const at = randomInt(random, 0, text.length - 10)
    text = text.slice(0, at) + generateProse(random, 3) + text.slice(at + 5)
  }
  const perHighlight: number[] = []
  const total = median(
    await time(sizes.runs, () => {
      perHighlight.length = 0
      for (const s of selectors) {
        const start = performance.now()
        anchor(text, s)
        perHighlight.push(performance.now() - start)
      }
    }),
  )
  const sample = selectors.slice(0, Math.min(20, selectors.length))
  const referencePer =
    median(
      await time(1, () =>
        sample.forEach((s) =>
          searchApproximate(text, s.quote.exact, Math.floor(s.quote.exact.length / 4)),
        ),
      ),
    ) / sample.length
  return [
    {
      workload: `re-anchor ${sizes.highlights} highlights after ~1% random edits`,
      figure: 'total ms',
      value: total,
      peer: null,
      floor: {
        name: 'whole-text fuzzy scan per quote × count',
        value: referencePer * selectors.length,
      },
      target: '≤ 1,000 ms',
      isMet: total <= 1000,
    },
    {
      workload: `re-anchor after ~1% random edits`,
      figure: 'p50 ms per highlight',
      value: median(perHighlight),
      peer: null,
      floor: { name: 'whole-text fuzzy scan per quote', value: referencePer },
      target: '≤ 5 ms',
      isMet: median(perHighlight) <= 5,
    },
  ]
}

export const workloads = [reanchorUnchanged, reanchorEdited]
