/** One search result: a passage of a document's text, a highlight, or a note. */
export interface SearchHit {
  readonly kind: 'text' | 'highlight' | 'note'
  readonly documentId: string
  readonly documentTitle: string
  /** The passage in the document's text to open: the matching words, or the highlight. */
  readonly start: number
  readonly end: number
  readonly highlightId: string | null
  /** A few words around the match, and where the matching words are in it. */
  readonly snippet: string
  readonly matches: readonly { readonly start: number; readonly end: number }[]
}
