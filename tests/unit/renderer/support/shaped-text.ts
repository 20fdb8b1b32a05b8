import type { DocumentText, Mark, Segment } from '../../../../src/shared/model'

type SegmentShape = Omit<Segment, 'start' | 'end'>
type MarkShape = Omit<Mark, 'start' | 'end'>

/**
 * Builds a DocumentText by hand, as the importers would: blocks separated by a blank line, each
 * block's text given in pieces, a piece optionally carrying marks.
 */
export class ShapedText {
  #text = ''
  readonly #segments: Segment[] = []
  readonly #marks: Mark[] = []

  /** Adds a block made of pieces: plain strings, or [text, ...marks over that text]. */
  block(shape: SegmentShape, ...pieces: (string | [string, ...MarkShape[]])[]): this {
    if (this.#text) this.#text += '\n\n'
    const start = this.#text.length
    for (const piece of pieces) {
      const [words, ...marks] = typeof piece === 'string' ? [piece] : piece
      const from = this.#text.length
      this.#text += words
      for (const mark of marks) this.#marks.push({ ...mark, start: from, end: this.#text.length })
    }
    this.#segments.push({ ...shape, start, end: this.#text.length })
    return this
  }

  /** Adds a mark over an exact earlier span (for marks that overlap in odd ways). */
  mark(mark: Mark): this {
    this.#marks.push(mark)
    return this
  }

  build(): DocumentText {
    return {
      text: this.#text,
      segments: this.#segments,
      marks: [...this.#marks].sort((a, b) => a.start - b.start),
    }
  }
}
