import type { DocumentText, Segment, SegmentKind } from '../../../shared/model'

/** A block of text before it has offsets. */
export interface Block {
  readonly kind: SegmentKind
  readonly text: string
  readonly lang?: string
  readonly asset?: string
}

/** Blocks are separated by a blank line in the document text, as in the plain-text original. */
export const blockSeparator = '\n\n'

/** Joins blocks into one text and records each block's offsets in it. */
export function assembleText(blocks: readonly Block[]): DocumentText {
  const segments: Segment[] = []
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
    })
  }
  return { text, segments }
}
