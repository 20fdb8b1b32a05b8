import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import approxSearch from 'approx-string-match'
import { describe } from '../src/shared/domain/anchoring'
import type { Selectors } from '../src/shared/model/annotation'
import { randomInt, seededRandom } from '../tests/support/generated-text'

/**
 * A real text edited as a new revision of a book would be, with highlights made on the old text
 * and where each one truly is in the new text: the shared ground of the re-anchoring benchmark
 * and of its accuracy tests.
 */
export interface EditedText {
  readonly original: string
  readonly edited: string
  /** The highlights, described on the original text. */
  readonly selectors: readonly Selectors[]
  /** Where each highlight's passage truly is in the edited text; null when it was deleted. */
  readonly truth: readonly (TruePlace | null)[]
  /** Characters changed by the random edits (not counting the inserted paragraphs). */
  readonly editedCharacters: number
}

export interface TruePlace {
  readonly start: number
  readonly end: number
  /** Whether an edit touched the passage itself: then its boundaries may move by an edit. */
  readonly isEdited: boolean
}

/** The longest random edit (characters removed, or inserted before a space). */
export const maxEditLength = 6

/**
 * How far a boundary of an edited passage may be from its true place and still be right: an edit
 * at a passage's edge leaves more than one reasonable end (with "trying" edited into "trylet ing",
 * the best alignment of the quote ends after "try", where the truth ends after "ing"), by up to
 * the edit's length plus the part of the word it split.
 */
export const boundarySlack = 2 * maxEditLength

/**
 * Whether `found` is the passage at `truth`: for a deleted passage, nothing found; for one no edit
 * touched, exactly its place; for an edited one, both boundaries within `boundarySlack`.
 */
export function isPlacedRight(
  truth: TruePlace | null,
  found: { start: number; end: number } | null,
): boolean {
  if (truth === null) return found === null
  if (found === null) return false
  if (!truth.isEdited) return found.start === truth.start && found.end === truth.end
  return (
    Math.abs(found.start - truth.start) <= boundarySlack &&
    Math.abs(found.end - truth.end) <= boundarySlack
  )
}

const pages = resolve(__dirname, 'pages')

/**
 * The plain text of a saved page's `<main>`: a simple tag strip (block ends become paragraph
 * breaks, entities decoded). Lectern's own importer is not used here on purpose: it is not what is
 * measured, and on this 1.9 MB page it is itself the subject of another workload.
 */
export function plainTextOfPage(file: string): string {
  const html = gunzipSync(readFileSync(resolve(pages, file))).toString('utf8')
  const mainStart = html.indexOf('<main')
  const mainEnd = html.lastIndexOf('</main>')
  const main = mainStart >= 0 && mainEnd > mainStart ? html.slice(mainStart, mainEnd) : html
  return main
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|h[1-6]|li|pre|div|tr|table|blockquote)>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(parseInt(decimal, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n\s*/g, '\n\n')
    .trim()
}

/** The text of The Rust Programming Language (the whole book), cut to `length` characters. */
export function bookText(length: number): string {
  const text = plainTextOfPage('rust-book-print.html.gz')
  if (text.length < length) throw new RangeError(`The book has only ${text.length} characters`)
  return text.slice(0, length)
}

interface Operation {
  readonly at: number
  readonly removed: number
  readonly inserted: string
}

/**
 * `highlights` passages of 30–300 characters (whole words, one in each equal slice of the text)
 * highlighted on `bookText(length)`; then, on the same text: 5% of those passages deleted (only
 * passages that occur nowhere else, not even approximately, so that "gone" is the one true
 * answer), ten paragraphs of another book (the Rustonomicon) inserted at paragraph breaks, and
 * random edits (words and parts of words inserted, deleted or replaced, up to `maxEditLength`
 * characters each) until about 1% of the characters are changed. Seeded: the same every run.
 */
export function editedBookText(length: number, highlights: number, seed = 11): EditedText {
  const random = seededRandom(seed)
  const original = bookText(length)
  const used = new Uint8Array(original.length + 1)
  const markUsed = (from: number, to: number) => used.fill(1, Math.max(0, from), to)
  const isFree = (from: number, to: number) => {
    for (let i = Math.max(0, from); i < Math.min(used.length, to); i++) if (used[i]) return false
    return true
  }

  const spans: { start: number; end: number }[] = []
  const slot = Math.floor(original.length / highlights)
  for (let i = 0; i < highlights; i++) {
    const wanted = randomInt(random, 30, 300)
    let start = i * slot + randomInt(random, 0, Math.max(0, slot - wanted - 2))
    while (start > i * slot && /\S/.test(original[start - 1]!)) start--
    let end = Math.min(start + wanted, (i + 1) * slot - 1)
    while (end < (i + 1) * slot - 1 && /\S/.test(original[end]!)) end++
    while (end > start + 1 && /\s/.test(original[end - 1]!)) end--
    while (start < end - 1 && /\s/.test(original[start]!)) start++
    spans.push({ start, end })
  }
  const selectors = spans.map(({ start, end }) => describe(original, start, end))

  const operations: Operation[] = []
  const deleted = new Set<number>()
  const deletions = Math.max(1, Math.round(highlights * 0.05))
  for (let tries = 0; deleted.size < deletions && tries < highlights * 4; tries++) {
    const which = randomInt(random, 0, highlights - 1)
    const { start, end } = spans[which]!
    if (deleted.has(which) || end - start < 30) continue
    const quote = original.slice(start, end)
    const without = original.slice(0, start) + original.slice(end)
    if (approxSearch(without, quote, Math.floor(quote.length / 4)).length > 0) continue
    deleted.add(which)
    operations.push({ at: start, removed: end - start, inserted: '' })
    markUsed(start - 1, end + 1)
  }

  const otherBook = plainTextOfPage('nomicon-print.html.gz')
    .split('\n\n')
    .filter((p) => p.length >= 200 && p.length <= 1500)
  const breaks: number[] = []
  for (let at = original.indexOf('\n\n'); at !== -1; at = original.indexOf('\n\n', at + 1))
    breaks.push(at + 2)
  const highlighted = new Uint8Array(original.length + 1)
  for (const { start, end } of spans) highlighted.fill(1, start, end + 1)
  for (let inserted = 0; inserted < 10;) {
    const at = breaks[randomInt(random, 0, breaks.length - 1)]!
    if (highlighted[at] || !isFree(at - 1, at + 1)) continue
    const paragraph = otherBook[randomInt(random, 0, otherBook.length - 1)]!
    operations.push({ at, removed: 0, inserted: `${paragraph}\n\n` })
    markUsed(at - 1, at + 1)
    inserted++
  }

  const words = original.split(/\s+/).filter((w) => w.length > 0 && w.length <= maxEditLength)
  let editedCharacters = 0
  while (editedCharacters < original.length / 100) {
    const removed = randomInt(random, 0, maxEditLength)
    const at = randomInt(random, 0, original.length - removed - 1)
    if (!isFree(at - 1, at + removed + 1)) continue
    const kind = random()
    const word = words[randomInt(random, 0, words.length - 1)]!
    // Insert a word, delete some characters, or replace them with a word or a few letters of one.
    const inserted =
      removed === 0 || kind < 0.4
        ? removed === 0
          ? `${word} `
          : ''
        : kind < 0.7
          ? word
          : word.slice(0, randomInt(random, 1, word.length))
    if (removed === 0 && inserted.length === 0) continue
    operations.push({ at, removed, inserted })
    markUsed(at - 1, at + removed + 1)
    editedCharacters += Math.max(removed, inserted.length)
  }

  operations.sort((a, b) => a.at - b.at)
  const pieces: string[] = []
  let copied = 0
  for (const op of operations) {
    pieces.push(original.slice(copied, op.at), op.inserted)
    copied = op.at + op.removed
  }
  pieces.push(original.slice(copied))
  const edited = pieces.join('')

  // Where an original offset lands: after every operation that ends at or before it.
  const starts = operations.map((op) => op.at)
  const shiftBefore = new Float64Array(operations.length + 1)
  for (let i = 0; i < operations.length; i++)
    shiftBefore[i + 1] = shiftBefore[i]! + operations[i]!.inserted.length - operations[i]!.removed
  const mapOffset = (offset: number) => {
    let low = 0
    let high = operations.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (starts[middle]! + operations[middle]!.removed <= offset) low = middle + 1
      else high = middle
    }
    return offset + shiftBefore[low]!
  }
  const truth = spans.map(({ start, end }, i): TruePlace | null => {
    if (deleted.has(i)) return null
    const isEdited = !isFree(start, end)
    return { start: mapOffset(start), end: mapOffset(end), isEdited }
  })
  return { original, edited, selectors, truth, editedCharacters }
}
