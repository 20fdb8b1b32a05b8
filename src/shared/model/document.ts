import type { DocumentAnnotations } from './highlight'

/** What a block of the document's text is, for typesetting and for search. */
export type SegmentKind =
  | 'title'
  | 'lead'
  | 'heading'
  | 'paragraph'
  | 'quote'
  | 'list-item'
  | 'figure-alt'
  | 'figure-caption'
  | 'figure-credit'
  | 'author-tag'

/** One block of a document: a span of the document's text, `[start, end)` in string indices. */
export interface Segment {
  readonly kind: SegmentKind
  readonly start: number
  readonly end: number
  /** BCP 47 tag when the block is in another language than the document (a German credit line). */
  readonly lang?: string
  /** For a figure's alt text: the stored picture, a file name in the document's assets folder. */
  readonly asset?: string
}

/** A document's text and its blocks; every offset in the app is an index into `text`. */
export interface DocumentText {
  readonly text: string
  readonly segments: readonly Segment[]
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
  readonly format: 'text' | 'markdown' | 'html' | 'epub'
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
