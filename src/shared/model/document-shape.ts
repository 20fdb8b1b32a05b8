/**
 * The kinds of block and inline mark a document may hold, and the form of a footnote label:
 * defined once here for the model's types, the store's schema and the importers' door.
 */
export const segmentKinds = [
  'title',
  'lead',
  'heading',
  'paragraph',
  'quote',
  'list-item',
  'code',
  'table-cell',
  'footnote',
  'figure-alt',
  'figure-caption',
  'figure-credit',
  'author-tag',
] as const

export const markKinds = ['emphasis', 'strong', 'code', 'link', 'footnote-ref'] as const

/** A footnote's label as the source prints it: a few letters, digits or footnote signs. */
export const footnoteLabelPattern = /^[\p{L}\p{N}_*†‡§-]{1,16}$/u
