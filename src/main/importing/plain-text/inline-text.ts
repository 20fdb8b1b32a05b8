import type { Mark } from '../../../shared/model'

/** What a mark adds to its kind and span: a link's address, a footnote reference's label. */
type MarkDetails = Omit<Mark, 'kind' | 'start' | 'end'>

/**
 * Builds one block's text from pieces of inline content, with whitespace collapsed as a browser
 * shows it (runs of spaces and line breaks become one space, none at either end), and the inline
 * formatting over it as marks relative to the block's own text.
 */
export class InlineText {
  #text = ''
  #isSpacePending = false
  readonly #marks: Mark[] = []

  /** Appends text, collapsing its whitespace with what came before. */
  add(piece: string): void {
    if (piece === '') return
    const words = piece.split(/\s+/)
    words.forEach((word, index) => {
      if (index > 0) this.#isSpacePending = true
      if (word === '') return
      if (this.#isSpacePending && this.#text !== '') this.#text += ' '
      this.#isSpacePending = false
      this.#text += word
    })
  }

  /** A break between words (`<br>`, the edge of a block inside a line). */
  addSpace(): void {
    this.#isSpacePending = true
  }

  /** Where the next words will start: pass it to `mark` once they are added. */
  get position(): number {
    return this.#text.length
  }

  get isEmpty(): boolean {
    return this.#text === ''
  }

  /** Marks the words added since `from` (spaces at either edge are left out). */
  mark(kind: Mark['kind'], from: number, details: MarkDetails = {}): void {
    let start = from
    while (this.#text[start] === ' ') start++
    const end = this.#text.length
    if (start < end) this.#marks.push({ kind, start, end, ...details })
  }

  /** The block's text and its marks, sorted by start (the outer of two marks at one start first). */
  finish(): { text: string; marks: Mark[] } {
    const marks = [...this.#marks].sort((a, b) => a.start - b.start || b.end - a.end)
    return { text: this.#text, marks }
  }
}
