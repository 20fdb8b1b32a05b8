import type { DocumentText, SegmentKind, TranslationNote } from '../../../shared/model'
import { guessLanguage } from '../guess-language'
import { assembleText, type Block } from './assemble-text'
import { recogniseChromeLine } from './page-chrome'

/** What the plain-text importer makes of a text file. */
export interface ParsedText {
  readonly title: string
  readonly lead?: string
  /** BCP 47 tag, or "und" when the language cannot be told. */
  readonly language: string
  readonly translation?: TranslationNote
  readonly authorTag?: string
  /** Who wrote it, as the file says (an EPUB's dc:creator, front matter, a page's byline). */
  readonly author?: string
  readonly content: DocumentText
  readonly wordCount: number
  /** A book's table of contents, by block index. */
  readonly toc?: readonly { readonly label: string; readonly segmentIndex: number }[]
  /** Pictures to store with the document, by the asset name its segments use. */
  readonly assets?: ReadonlyMap<string, Uint8Array>
  /** The site a web page says it belongs to ("Field Notes"); null when it names none. */
  readonly siteName?: string | null
  /** A web page's own https address (its canonical link); null when it gives none. */
  readonly url?: string | null
}

/** A run of non-blank lines, and whether page chrome stood right after it. */
interface RawBlock {
  readonly lines: string[]
  isFollowedByChrome: boolean
}

/** Longest line still taken for a title, figure alt text or lead (characters). */
const maxTitleLength = 200
const maxCaptionLength = 300
const maxLeadLength = 400
/** Longest line taken for a heading inside the text. */
const maxHeadingLength = 80

/** "(Bild: …)", "(Photo: …)": the credit line under a picture. */
const creditLine = /^\((?:bild|foto|image|photo|picture|credit|source|quelle)s?\s*:\s*.+\)$/iu
/** "(dmk)", "(ds/jk)": an author's short tag closing a news article. */
const authorTagLine = /^\((\p{L}{2,5}(?:\/\p{L}{2,5})*)\)$/u
/** "- a heron", "1. Definitions.", "2) Grant": a list item's marker, with its number if any. */
const listMarker = /^\s*(?:[-*•–]|(\d{1,3})[.)])\s+(?=\S)/u
/** Deepest nesting the store keeps (src/main/store/schema.ts). */
const maxListDepth = 32
const quoteLine = /^\s*>/
const setextUnderline = /^\s*(?:={3,}|-{3,})\s*$/
const endsLikeSentence = /[.,;:!?…"”'’)]$/u

/**
 * Reads a plain-text file as a document: title, lead, figures (alt text, caption, credit), body
 * blocks and the closing author tag, with news-page chrome removed and a translation notice kept
 * as metadata. Pure: the same text always gives the same document.
 */
export function parsePlainText(text: string, fileName: string): ParsedText {
  let translation: TranslationNote | undefined
  const raw = splitIntoBlocks(text, (note) => (translation ??= note))
  const kinds: (SegmentKind | null)[] = raw.map(() => null)
  const textOf = (index: number) => joinWrappedLines(raw[index]?.lines ?? [])

  let title: string | undefined
  const first = raw[0]
  if (first && raw.length > 1 && looksLikeTitle(first)) {
    title = textOf(0)
    kinds[0] = 'title'
  }
  markFigures(raw, kinds)
  const leadIndex = kinds.indexOf('title') + 1
  const leadCandidate = raw[leadIndex]
  if (
    title &&
    leadCandidate &&
    kinds[leadIndex] === null &&
    textOf(leadIndex).length <= maxLeadLength &&
    (leadCandidate.isFollowedByChrome || kinds[leadIndex + 1] === 'figure-alt')
  ) {
    kinds[leadIndex] = 'lead'
  }
  let authorTag: string | undefined
  const lastIndex = raw.length - 1
  const tag = authorTagLine.exec(textOf(lastIndex))
  if (tag && kinds[lastIndex] === null && lastIndex > 0) {
    authorTag = tag[1]
    kinds[lastIndex] = 'author-tag'
  }

  const blocks = raw.flatMap((block, index) =>
    toBlocks(block, kinds[index] ?? null, index === lastIndex),
  )
  const bodyText = blocks
    .filter(
      (b) =>
        b.kind === 'paragraph' || b.kind === 'lead' || b.kind === 'quote' || b.kind === 'list-item',
    )
    .map((b) => b.text)
    .join(' ')
  const language =
    guessLanguage(bodyText) ?? guessLanguage(blocks.map((b) => b.text).join(' ')) ?? 'und'
  const withLanguages = blocks.map((block) => markForeignLanguage(block, language))
  if (!title) {
    title = titleFromFileName(fileName) ?? firstWords(withLanguages[0]?.text ?? 'Untitled')
    withLanguages.unshift({ kind: 'title', text: title })
  }
  const content = assembleText(withLanguages)
  return {
    title,
    ...(kinds[leadIndex] === 'lead' ? { lead: textOf(leadIndex) } : {}),
    language,
    ...(translation ? { translation } : {}),
    ...(authorTag ? { authorTag } : {}),
    content,
    wordCount: (content.text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length,
  }
}

/** Splits on blank lines; a line of page chrome is dropped and also ends the block it was in. */
function splitIntoBlocks(text: string, onTranslation: (note: TranslationNote) => void): RawBlock[] {
  const blocks: RawBlock[] = []
  let lines: string[] = []
  const flush = () => {
    if (lines.length > 0) blocks.push({ lines, isFollowedByChrome: false })
    lines = []
  }
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      flush()
      continue
    }
    const chrome = recogniseChromeLine(line)
    if (!chrome) {
      lines.push(line)
      continue
    }
    flush()
    const previous = blocks[blocks.length - 1]
    if (previous) previous.isFollowedByChrome = true
    if (chrome.kind === 'translation') onTranslation(chrome.note)
  }
  flush()
  return blocks
}

/** Finds credit lines and claims the caption and alt text lines above them. */
function markFigures(raw: readonly RawBlock[], kinds: (SegmentKind | null)[]): void {
  raw.forEach((block, index) => {
    if (
      kinds[index] !== null ||
      block.lines.length !== 1 ||
      !creditLine.test(block.lines[0]!.trim())
    )
      return
    kinds[index] = 'figure-credit'
    const caption = raw[index - 1]
    if (!caption || kinds[index - 1] !== null || !isShortLine(caption, maxCaptionLength)) return
    kinds[index - 1] = 'figure-caption'
    const alt = raw[index - 2]
    if (
      alt &&
      kinds[index - 2] === null &&
      isShortLine(alt, maxTitleLength) &&
      !endsLikeSentence.test(alt.lines[0]!.trim())
    ) {
      kinds[index - 2] = 'figure-alt'
    }
  })
}

function toBlocks(block: RawBlock, kind: SegmentKind | null, isLast: boolean): Block[] {
  if (kind) return [{ kind, text: joinWrappedLines(block.lines) }]
  const { lines } = block
  const items = listItemsOf(lines)
  if (items) return items
  if (lines.every((line) => quoteLine.test(line))) {
    return [
      { kind: 'quote', text: joinWrappedLines(lines.map((line) => line.replace(/^\s*>\s?/, ''))) },
    ]
  }
  if (lines.length === 2 && setextUnderline.test(lines[1]!))
    return [
      { kind: 'heading', text: lines[0]!.trim(), level: lines[1]!.trim().startsWith('=') ? 1 : 2 },
    ]
  const single = lines.length === 1 ? lines[0]!.trim() : null
  const atx = single ? /^(#{1,6})\s+(\S.*?)(?:\s+#+)?$/.exec(single) : null
  if (atx) return [{ kind: 'heading', text: atx[2]!, level: atx[1]!.length }]
  if (single && !isLast && looksLikeHeading(single)) return [{ kind: 'heading', text: single }]
  return [{ kind: 'paragraph', text: joinWrappedLines(lines) }]
}

/**
 * A block of list items: every line starts an item ("1. Definitions.", "- a heron") or continues
 * the one above, indented deeper than its marker. Numbered items keep their number; deeper
 * markers nest. Null when the block is no list.
 */
function listItemsOf(lines: readonly string[]): Block[] | null {
  const items: { indent: number; ordinal?: number; lines: string[] }[] = []
  for (const line of lines) {
    const marker = listMarker.exec(line)
    const indent = /^\s*/.exec(line)![0].length
    if (marker) {
      const number = marker[1] ? Number(marker[1]) : undefined
      items.push({
        indent,
        ...(number !== undefined ? { ordinal: number } : {}),
        lines: [line.slice(marker[0].length)],
      })
      continue
    }
    const item = items[items.length - 1]
    if (!item || indent <= item.indent) return null
    item.lines.push(line)
  }
  const indents = [...new Set(items.map((item) => item.indent))].sort((a, b) => a - b)
  return items.map((item) => {
    const depth = Math.min(maxListDepth, indents.indexOf(item.indent))
    return {
      kind: 'list-item',
      text: joinWrappedLines(item.lines),
      ...(depth > 0 ? { depth } : {}),
      ...(item.ordinal !== undefined ? { ordinal: item.ordinal } : {}),
    }
  })
}

/**
 * Whether a short line on its own is a heading ("Introduction", "TERMS AND CONDITIONS"), not a
 * line that merely stands alone: an address, a date or version line ("Version 2.0, January
 * 2004"), a copyright line or a template's placeholder ("Copyright [yyyy] [name]").
 */
function looksLikeHeading(line: string): boolean {
  return (
    line.length <= maxHeadingLength &&
    /\p{L}/u.test(line) &&
    !endsLikeSentence.test(line) &&
    line.split(/\s+/).length <= 12 &&
    !/:\/\/|www\.|@|[[\]<>{}|]/.test(line) &&
    !/^(?:copyright\b|©|\(c\))/i.test(line) &&
    !/\b(?:1[5-9]|20)\d\d\b/.test(line) &&
    !/\s\d+\.\d/.test(line) &&
    !(line.includes(',') && /\p{Ll}/u.test(line))
  )
}

/** Joins hard-wrapped lines into one; a word broken with a hyphen at a line end stays joined. */
export function joinWrappedLines(lines: readonly string[]): string {
  let joined = ''
  for (const rawLine of lines) {
    const line = rawLine.trim()
    if (joined === '') joined = line
    else if (/\p{L}-$/u.test(joined) && /^\p{Ll}/u.test(line)) joined += line
    else joined += ` ${line}`
  }
  return joined.replace(/[ \t]+/g, ' ')
}

function looksLikeTitle(block: RawBlock): boolean {
  const line = block.lines[0]!.trim()
  return block.lines.length === 1 && line.length <= maxTitleLength && !/[.,;:]$/.test(line)
}

function isShortLine(block: RawBlock, maxLength: number): boolean {
  return block.lines.length === 1 && block.lines[0]!.trim().length <= maxLength
}

function markForeignLanguage(block: Block, documentLanguage: string): Block {
  if (
    block.kind !== 'figure-alt' &&
    block.kind !== 'figure-credit' &&
    block.kind !== 'figure-caption'
  )
    return block
  const language = guessLanguage(block.text)
  return language && language !== documentLanguage ? { ...block, lang: language } : block
}

/** "first_chapter-draft.txt" → "First chapter draft"; null for a name with no words. */
export function titleFromFileName(fileName: string): string | null {
  const stem = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim()
  return stem ? stem.charAt(0).toUpperCase() + stem.slice(1) : null
}

function firstWords(text: string): string {
  const words = text.split(/\s+/).slice(0, 8).join(' ')
  return words.length < text.length ? `${words}…` : words
}
