import type {
  DocumentText,
  Mark,
  Segment,
  SegmentKind,
  TableCellPlace,
} from '../../../shared/model'

/** A block of text before it has offsets. */
export interface Block {
  readonly kind: SegmentKind
  readonly text: string
  readonly lang?: string
  readonly asset?: string
  /** A heading's level, 1–6. */
  readonly level?: number
  /** Nesting of a list item or quote, 0 at the top. */
  readonly depth?: number
  /** The number an ordered list's item shows. */
  readonly ordinal?: number
  readonly cell?: TableCellPlace
  /** A footnote's label. */
  readonly footnote?: string
  /** Inline formatting, in offsets into this block's own `text`. */
  readonly marks?: readonly Mark[]
}

/** Blocks are separated by a blank line in the document text, as in the plain-text original. */
export const blockSeparator = '\n\n'

/**
 * Joins blocks into one text and records each block's offsets in it, with its shape; the
 * blocks' inline marks become marks over the whole text (a mark past its block's end is cut).
 */
export function assembleText(blocks: readonly Block[]): DocumentText {
  const segments: Segment[] = []
  const marks: Mark[] = []
  let text = ''
  for (const block of blocks) {
    if (text.length > 0) text += blockSeparator
    const start = text.length
    text += block.text
    segments.push({
      kind: block.kind,
      start,
      end: text.length,
      ...(block.lang ? { lang: block.lang } : {}),
      ...(block.asset ? { asset: block.asset } : {}),
      ...(block.level !== undefined ? { level: block.level } : {}),
      ...(block.depth ? { depth: block.depth } : {}),
      ...(block.ordinal !== undefined ? { ordinal: block.ordinal } : {}),
      ...(block.cell ? { cell: block.cell } : {}),
      ...(block.footnote ? { footnote: block.footnote } : {}),
    })
    for (const mark of block.marks ?? []) {
      const markStart = Math.max(0, mark.start)
      const markEnd = Math.min(block.text.length, mark.end)
      if (markStart < markEnd)
        marks.push({ ...mark, start: start + markStart, end: start + markEnd })
    }
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end)
  return marks.length > 0 ? { text, segments, marks } : { text, segments }
}
