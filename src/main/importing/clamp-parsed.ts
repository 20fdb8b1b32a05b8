import { footnoteLabelPattern, markKinds, segmentKinds } from '../../shared/model/document-shape'
import { parseExternalUrl } from '../../shared/links/external-url'
import type { Mark, Segment } from '../../shared/model'
import { guessLanguage, normaliseLanguageTag } from './guess-language'
import { titleFromFileName, type ParsedText } from './plain-text/parse-plain-text'

/**
 * The limits the library file sets on what an import describes (src/main/store/schema.ts):
 * an import that broke one would be acknowledged, then refused, with its whole file, on the next
 * open. These are the schema's numbers; the schema test of the importers checks they still hold.
 */
export const importLimits = {
  /** The schema's `toc` holds at most this many entries, */
  tocEntries: 5000,
  /** each with a label of at most this many characters. */
  tocLabelLength: 500,
  /** Not the schema's: a title or lead longer than this is a page's whole text gone astray. */
  titleLength: 500,
  leadLength: 2000,
  authorTagLength: 100,
  /** The schema's `author` holds at most this many characters. */
  authorLength: 200,
  siteNameLength: 200,
  urlLength: 2048,
  /** The schema's bounds on a document's shape. */
  headingLevel: { min: 1, max: 6 },
  depth: 32,
  ordinal: 1_000_000_000,
  column: 1000,
  hrefLength: 2048,
} as const

const segmentKindSet = new Set<string>(segmentKinds)
const markKindSet = new Set<string>(markKinds)

/** A picture's asset name as the store accepts it. */
const assetName = /^[0-9a-f]{16}\.(?:png|jpe?g|gif|webp)$/

/**
 * Clamps what a parser made of a file to what the library can store and read back: a non-empty
 * title, a language tag (an invalid declared one gives way to the guessed language), a table of
 * contents cut visibly ("… and 4,800 more") with labels cut with "…", and short descriptive
 * fields. Applied at the one door every importer passes, so no parser can produce a document
 * that the store would acknowledge and then refuse on the next open.
 */
export function clampParsed(parsed: ParsedText, fileName: string): ParsedText {
  const title =
    cut(clean(parsed.title), importLimits.titleLength) ||
    cut(titleFromFileName(fileName) ?? '', importLimits.titleLength) ||
    'Untitled'
  const lead = cut(clean(parsed.lead ?? ''), importLimits.leadLength)
  const authorTag = cut(clean(parsed.authorTag ?? ''), importLimits.authorTagLength)
  const author = cut(clean(parsed.author ?? ''), importLimits.authorLength)
  const language =
    normaliseLanguageTag(parsed.language) ??
    guessLanguage(parsed.content.text.slice(0, 20_000)) ??
    'und'
  const fromLanguage = parsed.translation
    ? normaliseLanguageTag(parsed.translation.fromLanguage)
    : null
  const toc = parsed.toc ? clampToc(parsed.toc, parsed.content.segments.length) : undefined
  const {
    lead: _lead,
    authorTag: _authorTag,
    author: _author,
    translation: _translation,
    toc: _toc,
    ...rest
  } = parsed
  return {
    ...rest,
    title,
    ...(lead ? { lead } : {}),
    language,
    ...(parsed.translation && fromLanguage
      ? { translation: { ...parsed.translation, fromLanguage } }
      : {}),
    ...(authorTag ? { authorTag } : {}),
    ...(author ? { author } : {}),
    content: clampContent(parsed.content),
    wordCount: Math.max(0, Math.floor(parsed.wordCount)) || 0,
    ...(toc && toc.length > 0 ? { toc } : {}),
    ...(parsed.siteName !== undefined
      ? { siteName: cut(clean(parsed.siteName ?? ''), importLimits.siteNameLength) || null }
      : {}),
    ...(parsed.url !== undefined ? { url: clampUrl(parsed.url) } : {}),
  }
}

/** Labels within the limit, entries within the text, and at most the limit of entries. */
function clampToc(
  toc: NonNullable<ParsedText['toc']>,
  segmentCount: number,
): { label: string; segmentIndex: number }[] {
  const lastSegment = Math.max(0, segmentCount - 1)
  const entries = toc.map((entry) => ({
    label: cut(clean(entry.label), importLimits.tocLabelLength),
    segmentIndex: Math.min(lastSegment, Math.max(0, Math.floor(entry.segmentIndex) || 0)),
  }))
  if (entries.length <= importLimits.tocEntries) return entries
  // The last place says how many entries are left out, and leads to where the first of them is.
  const kept = entries.slice(0, importLimits.tocEntries - 1)
  const left = entries.length - kept.length
  return [
    ...kept,
    {
      label: `… and ${left.toLocaleString('en-US')} more`,
      segmentIndex: entries[kept.length]!.segmentIndex,
    },
  ]
}

/**
 * The text as it is, its blocks and marks within it and within the schema's bounds: a shape
 * field out of bounds is clamped (a list number) or dropped (a footnote label the schema
 * refuses), a mark outside the text or a link to an address Lectern may not open is dropped.
 * The text is never touched: only what lies over it.
 */
function clampContent(content: ParsedText['content']): ParsedText['content'] {
  const length = content.text.length
  const segments = content.segments
    .filter((s) => isSpan(s.start, s.end + 1, length + 1))
    .map(clampSegment)
  const marks = (content.marks ?? [])
    .flatMap((mark) => clampMark(mark, length))
    .sort((a, b) => a.start - b.start || b.end - a.end)
  return { text: content.text, segments, ...(marks.length > 0 ? { marks } : {}) }
}

/** Whole offsets with start < end ≤ length (a block's `[start, end + 1)` allows it empty). */
function isSpan(start: number, end: number, length: number): boolean {
  return (
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length
  )
}

function clampSegment(segment: Segment): Segment {
  const lang = segment.lang === undefined ? undefined : normaliseLanguageTag(segment.lang)
  const hasBadAsset = segment.asset !== undefined && !assetName.test(segment.asset)
  const { kind, start, end, asset, level, depth, ordinal, cell, footnote } = segment
  // Field by field: nothing but Lectern's own fields is copied, whatever a parser let through.
  return {
    kind: segmentKindSet.has(kind) ? kind : 'paragraph',
    start,
    end,
    ...(lang ? { lang } : {}),
    ...(asset !== undefined && !hasBadAsset ? { asset } : {}),
    ...(level !== undefined
      ? { level: bound(level, importLimits.headingLevel.min, importLimits.headingLevel.max) }
      : {}),
    ...(depth !== undefined ? { depth: bound(depth, 0, importLimits.depth) } : {}),
    ...(ordinal !== undefined
      ? { ordinal: bound(ordinal, -importLimits.ordinal, importLimits.ordinal) }
      : {}),
    ...(cell
      ? {
          cell: {
            table: bound(cell.table, 0, Number.MAX_SAFE_INTEGER),
            row: bound(cell.row, 0, Number.MAX_SAFE_INTEGER),
            column: bound(cell.column, 0, importLimits.column),
            isHeader: cell.isHeader === true,
          },
        }
      : {}),
    ...(footnote !== undefined && footnoteLabelPattern.test(footnote) ? { footnote } : {}),
  }
}

/** A mark as the schema accepts it, or none: only Lectern's kinds, links only where allowed. */
function clampMark(mark: Mark, length: number): Mark[] {
  if (!markKindSet.has(mark.kind) || !isSpan(mark.start, mark.end, length)) return []
  const { href, footnote } = mark
  const rest = { kind: mark.kind, start: mark.start, end: mark.end }
  if (mark.kind === 'link') {
    const url = href && href.length <= importLimits.hrefLength ? parseExternalUrl(href) : null
    if (!url || url.length > importLimits.hrefLength) return []
    return [{ ...rest, href: url }]
  }
  if (mark.kind === 'footnote-ref' && footnote !== undefined && footnoteLabelPattern.test(footnote))
    return [{ ...rest, footnote }]
  return [rest]
}

/** A whole number within [min, max]; anything else (NaN, 1.5) is rounded into it. */
function bound(value: number, min: number, max: number): number {
  const whole = Number.isFinite(value) ? Math.round(value) : min
  return Math.min(max, Math.max(min, whole))
}

/** An http(s) address the library can parse again, or null. */
function clampUrl(url: string | null): string | null {
  if (!url || url.length > importLimits.urlLength) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Text of at most `max` characters: a longer one is cut at a word and ends with "…". */
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  let head = text.slice(0, max - 1)
  // Never half a character: a cut between the two halves of an emoji would leave a lone one.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1)
  const atWord = head.replace(/\s+\S*$/, '')
  return `${atWord.length > max / 2 ? atWord : head}…`
}
