/** `{{c1::hidden text}}` or `{{c1::hidden text::hint}}`, as Anki writes cloze deletions. */
const clozePattern = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g

/** One cloze deletion in a cloze card's source. */
export interface ClozeDeletion {
  readonly number: number
  readonly text: string
  readonly hint: string | null
}

/** A piece of a cloze card as shown: plain text, a blank to recall, or the recalled answer. */
export type ClozePiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'blank'; readonly hint: string | null }
  | { readonly kind: 'answer'; readonly text: string }

/** The deletions of a cloze source, in order of appearance. */
export function parseCloze(source: string): ClozeDeletion[] {
  return [...source.matchAll(clozePattern)].map((match) => ({
    number: Number(match[1]),
    text: match[2] ?? '',
    hint: match[3] ?? null,
  }))
}

/** The distinct cloze numbers of a source, ascending: each is its own card. */
export function clozeNumbers(source: string): number[] {
  return [...new Set(parseCloze(source).map((deletion) => deletion.number))].sort((a, b) => a - b)
}

/**
 * The card for cloze `number`: its deletions are blanks on the question side and answers on the
 * answer side; every other deletion shows its text.
 */
export function renderCloze(
  source: string,
  number: number,
  side: 'question' | 'answer',
): ClozePiece[] {
  const pieces: ClozePiece[] = []
  let last = 0
  const pushText = (text: string) => {
    if (!text) return
    const previous = pieces[pieces.length - 1]
    if (previous?.kind === 'text')
      pieces[pieces.length - 1] = { kind: 'text', text: previous.text + text }
    else pieces.push({ kind: 'text', text })
  }
  for (const match of source.matchAll(clozePattern)) {
    pushText(source.slice(last, match.index))
    const isThisCard = Number(match[1]) === number
    const text = match[2] ?? ''
    if (!isThisCard) pushText(text)
    else if (side === 'question') pieces.push({ kind: 'blank', hint: match[3] ?? null })
    else pieces.push({ kind: 'answer', text })
    last = match.index + match[0].length
  }
  pushText(source.slice(last))
  return pieces
}

/** The whole source as plain text, every deletion shown. */
export function clozePlainText(source: string): string {
  return source.replace(clozePattern, (_match, _number, text: string) => text)
}
