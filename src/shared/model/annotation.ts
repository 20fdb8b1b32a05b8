/** W3C Web Annotation: the exact passage with up to 32 characters of context either side. */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector'
  readonly exact: string
  readonly prefix: string
  readonly suffix: string
}

/** W3C Web Annotation: `[start, end)` in the document text (JavaScript string indices here). */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector'
  readonly start: number
  readonly end: number
}

/** How a highlight finds its passage again, in any revision of the text. */
export interface Selectors {
  readonly quote: TextQuoteSelector
  readonly position: TextPositionSelector
}
