import type { CardContent } from '../../model/card'

/** Blocks of a document's text are separated by a blank line. */
const blockSeparator = '\n\n'
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/**
 * A cloze card made from a highlight: the sentence (or sentences) around the passage, with the
 * highlighted words as the deletion. Braces in the text are kept out of the cloze syntax.
 */
export function draftClozeFromPassage(text: string, start: number, end: number): CardContent {
  const previousBreak = text.lastIndexOf(blockSeparator, start - 1)
  const offset = previousBreak < 0 ? 0 : previousBreak + blockSeparator.length
  const nextBreak = text.indexOf(blockSeparator, end)
  const block = text.slice(offset, nextBreak < 0 ? text.length : nextBreak)
  let from = start
  let to = end
  for (const sentence of sentenceSegmenter.segment(block)) {
    const sentenceStart = offset + sentence.index
    const sentenceEnd = sentenceStart + sentence.segment.trimEnd().length
    if (sentenceEnd > start && sentenceStart <= start) from = sentenceStart
    if (sentenceStart < end && sentenceEnd >= end) to = sentenceEnd
  }
  const escape = (part: string) => part.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }')
  const cloze = `${escape(text.slice(from, start))}{{c1::${escape(text.slice(start, end))}}}${escape(text.slice(end, to))}`
  return { kind: 'cloze', text: cloze.trim(), extra: '' }
}

/** A question card whose answer is the highlighted passage; the reader writes the question. */
export function draftQuestionFromPassage(quote: string): CardContent {
  return { kind: 'basic', front: '', back: quote, isReversible: false }
}
