import type { markKinds, segmentKinds } from './document-shape'
import type { ImportFormat } from '../importing/import-formats'
import type { DocumentAnnotations } from './highlight'

/** What a block of the document's text is, for typesetting and for search. */
export type SegmentKind = (typeof segmentKinds)[number]

/** Where a table cell sits: tables are numbered in document order, rows and columns from 0. */
export interface TableCellPlace {
  readonly table: number
  readonly row: number
  readonly column: number
  /** A header cell (`<th>`, a Markdown table's first row). */
  readonly isHeader: boolean
}

/**
 * One block of a document: a span of the document's text, `[start, end)` in string indices.
 * The shape fields are plain data of Lectern's own: nothing in them can run or load anything.
 */
export interface Segment {
  readonly kind: SegmentKind
  readonly start: number
  readonly end: number
  /** BCP 47 tag when the block is in another language than the document (a German credit line). */
  readonly lang?: string
  /** For a figure's alt text: the stored picture, a file name in the document's assets folder. */
  readonly asset?: string
  /** A heading's level, 1–6 (absent: 2). */
  readonly level?: number
  /** Nesting of a list item or block quote: 0 at the top (absent: 0). */
  readonly depth?: number
  /** The number an item of an ordered list shows ("7" for "7."); absent for a bulleted item. */
  readonly ordinal?: number
  /** For a table cell: which table, row and column. */
  readonly cell?: TableCellPlace
  /** For a footnote: its label as the source shows it ("1", "a"). */
  readonly footnote?: string
}

/** Inline formatting over a span of the text; spans are string indices, like segments. */
export type MarkKind = (typeof markKinds)[number]

export interface Mark {
  readonly kind: MarkKind
  readonly start: number
  readonly end: number
  /** For a link: an https: or mailto: address, opened only in the system browser on click. */
  readonly href?: string
  /** For a footnote reference: the label of the footnote it points to. */
  readonly footnote?: string
}

/** A document's text and its blocks; every offset in the app is an index into `text`. */
export interface DocumentText {
  readonly text: string
  readonly segments: readonly Segment[]
  /** Inline formatting, sorted by start; absent in documents imported before it was kept. */
  readonly marks?: readonly Mark[]
}

/** Where a document came from, as far as the app knows it. */
export interface DocumentSource {
  readonly name: string
  readonly url?: string
}

/** Set when the document says it is a translation of another text. */
export interface TranslationNote {
  /** BCP 47 tag of the original's language, e.g. "de". */
  readonly fromLanguage: string
  readonly isMachineTranslation: boolean
}

/** Identifies one version of a document's text, so anchors know what they were made on. */
export interface Revision {
  readonly id: string
  /** SHA-256 of the text, hex. */
  readonly hash: string
  readonly createdAt: string
}

/** Where the reader was in a document: the top block on screen and how far into it. */
export interface ReadingPosition {
  readonly segmentIndex: number
  /** 0 at the block's top edge, 1 at its bottom edge. */
  readonly segmentFraction: number
  /** 0–1 share of the document read, for progress bars. */
  readonly progress: number
  readonly updatedAt: string
}

/** Everything the library keeps about a document except its text. */
export interface DocumentMeta {
  readonly id: string
  readonly title: string
  readonly lead?: string
  readonly language: string
  readonly source?: DocumentSource
  readonly translation?: TranslationNote
  /** The author's short tag as the publication prints it, e.g. "dmk". */
  readonly authorTag?: string
  /** Who wrote it, as the imported file says (a book's creators, a page's byline). */
  readonly author?: string
  readonly fileName?: string
  readonly format: ImportFormat
  readonly importedAt: string
  readonly revision: Revision
  readonly wordCount: number
  readonly readingPosition?: ReadingPosition
  /** A book's own table of contents: labels and the block each starts at. */
  readonly toc?: readonly { readonly label: string; readonly segmentIndex: number }[]
}

/** A document as the reader opens it. */
export interface OpenedDocument {
  readonly meta: DocumentMeta
  readonly content: DocumentText
  readonly annotations: DocumentAnnotations
}
