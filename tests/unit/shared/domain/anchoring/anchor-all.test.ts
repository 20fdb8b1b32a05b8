import { describe as group, expect, it } from 'vitest'
import { editedBookText, isPlacedRight } from '../../../../../bench/anchoring-edits'
import { anchorLikeHypothesis } from '../../../../../bench/peers/hypothesis-anchoring'
import {
  anchor,
  anchorAll,
  describe,
  reanchorHighlights,
} from '../../../../../src/shared/domain/anchoring'
import type { Highlight } from '../../../../../src/shared/model'

/** The benchmark's case: 1.2 MB of a real book, 500 highlights, then a new revision. */
const book = editedBookText(1_200_000, 500)
/** A smaller one for the comparison with the Hypothesis approach (seconds per run on the big one). */
const smallBook = editedBookText(240_000, 100, 12)

group('anchorAll on an edited real book', () => {
  it('places every surviving highlight at its true place and orphans every deleted one', () => {
    const found = anchorAll(book.edited, book.selectors)
    const wrong = found.flatMap((place, i) =>
      isPlacedRight(book.truth[i] ?? null, place)
        ? []
        : [{ i, truth: book.truth[i], found: place, quote: book.selectors[i]!.quote.exact }],
    )
    expect(wrong).toEqual([])
    // The case is what it claims: about 1% edited, 5% of the passages gone.
    expect(book.editedCharacters / book.original.length).toBeCloseTo(0.01, 3)
    expect(book.truth.filter((t) => t === null)).toHaveLength(25)
    expect(book.truth.filter((t) => t?.isEdited).length).toBeGreaterThan(100)
  })

  it('is right wherever the Hypothesis approach is, and also where it anchors deleted passages', () => {
    const ours = anchorAll(smallBook.edited, smallBook.selectors)
    const theirs = smallBook.selectors.map((s) => anchorLikeHypothesis(smallBook.edited, s))
    smallBook.truth.forEach((truth, i) => {
      expect(isPlacedRight(truth, ours[i]!)).toBe(true)
      // Where no edit touched the passage, both find exactly the same span.
      if (truth && !truth.isEdited && isPlacedRight(truth, theirs[i]!))
        expect([ours[i]!.start, ours[i]!.end]).toEqual([theirs[i]!.start, theirs[i]!.end])
    })
    // Hypothesis has no threshold: a deleted passage lands on its best approximate match.
    const deleted = smallBook.truth.flatMap((t, i) => (t === null ? [i] : []))
    expect(deleted.length).toBeGreaterThan(0)
    expect(deleted.filter((i) => theirs[i] !== null).length).toBeGreaterThan(0)
    expect(deleted.every((i) => ours[i] === null)).toBe(true)
  })

  it('gives each highlight the same place whatever order the highlights come in', () => {
    const reversed = [...smallBook.selectors].reverse()
    expect(anchorAll(smallBook.edited, reversed).reverse()).toEqual(
      anchorAll(smallBook.edited, smallBook.selectors),
    )
  })

  it('re-anchors highlights through reanchorHighlights with the deleted ones as orphans', () => {
    const highlights = smallBook.selectors.map((selectors, i): Highlight => ({
      id: `h${i}`,
      documentId: 'd',
      labelId: 'yellow',
      revisionId: 'r1',
      selectors,
      status: 'anchored',
      note: '',
      tags: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    }))
    const { highlights: updated, report } = reanchorHighlights(
      highlights,
      smallBook.edited,
      'r2',
      '2026-02-01T00:00:00.000Z',
    )
    const deletedIds = smallBook.truth.flatMap((t, i) => (t === null ? [`h${i}`] : []))
    expect(report.orphaned).toEqual(deletedIds)
    updated.forEach((h, i) => {
      const truth = smallBook.truth[i] ?? null
      if (truth === null) expect(h).toMatchObject({ status: 'orphan', revisionId: 'r1' })
      else {
        expect(h).toMatchObject({ status: 'anchored', revisionId: 'r2' })
        const { start, end } = h.selectors.position
        expect(isPlacedRight(truth, { start, end })).toBe(true)
      }
    })
  })
})

group('anchorAll', () => {
  const listing = 'fn main() {\n    let x = 5;\n    println!("The value of x is: {x}");\n}'
  const text = [
    'Chapter one introduces variables, and the listing below declares one.',
    listing,
    'The next chapter repeats the listing before changing it in a later step.',
    'Some prose between the two copies so that they are far apart. '.repeat(40),
    listing,
    'The end of the chapter.',
  ].join('\n\n')

  it('finds an edited passage where its neighbours moved to, before an unedited copy elsewhere', () => {
    const first = text.indexOf(listing)
    const before = describe(text, 0, 30)
    const quote = describe(text, first, first + listing.length)
    const after = describe(
      text,
      text.indexOf('The next chapter'),
      text.indexOf('The next chapter') + 40,
    )
    // A new revision: a preface added at the top, and the first copy edited.
    const preface = `${'A new preface, longer than the reach of a lone search. '.repeat(6)}\n\n`
    const edited = `${preface}${text.slice(0, first)}${listing.replace('x = 5', 'x = 6')}${text.slice(first + listing.length)}`
    const shift = preface.length
    const [, found] = anchorAll(edited, [before, quote, after])
    expect(found).toMatchObject({ start: first + shift, method: 'fuzzy' })
    // Alone, with no neighbours to go by, the unedited copy far away is taken instead.
    expect(anchor(edited, quote)?.start).toBe(edited.lastIndexOf(listing))
  })

  it('returns nothing for no highlights and null for an empty quote', () => {
    expect(anchorAll(text, [])).toEqual([])
    const empty = describe(text, 0, 5)
    expect(anchorAll(text, [{ ...empty, quote: { ...empty.quote, exact: '' } }])).toEqual([null])
  })
})
