import type { CardContent } from '../../model/card'
import { findKeyWords, isContentWord, wordsOf, type Span } from './key-words'

/** Blocks of a document's text are separated by a blank line. */
const blockSeparator = '\n\n'
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
/*
 * A highlight "is" its sentence when it holds at least 80% of the sentence's content words: what
 * is left outside, like the "they add" after a quotation, gives nothing to recall it by.
 */
const wholeSentenceShare = 0.8

/** The sentence (or sentences) a passage of `text` lies in, never beyond its block. */
export function sentenceAround(text: string, start: number, end: number): Span {
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
  return { start: from, end: to }
}

/** Whether a highlight holds (nearly) all of its sentence, so hiding it would ask only "[…]". */
export function coversSentence(text: string, start: number, end: number): boolean {
  const sentence = sentenceAround(text, start, end)
  const count = (from: number, to: number) =>
    wordsOf(text.slice(from, to)).filter(isContentWord).length
  const all = count(sentence.start, sentence.end)
  return all === 0 || count(start, end) / all >= wholeSentenceShare
}

/**
 * A cloze card made from a highlight: the sentence (or sentences) around the passage, with the
 * highlighted words as the deletion. When the highlight is (nearly) its whole sentence, hiding it
 * would leave nothing to recall by, so its key words are hidden instead; null when it has none
 * worth hiding (only function words). Braces in the text are kept out of the cloze syntax.
 */
export function draftClozeFromPassage(
  text: string,
  start: number,
  end: number,
): CardContent | null {
  const sentence = sentenceAround(text, start, end)
  const hidden = coversSentence(text, start, end)
    ? findKeyWords(text.slice(start, end)).map((word) => ({
        start: start + word.start,
        end: start + word.end,
      }))
    : [{ start, end }]
  if (hidden.length === 0) return null
  let cloze = ''
  let at = sentence.start
  for (const span of hidden) {
    cloze += `${escape(text.slice(at, span.start))}{{c1::${escape(text.slice(span.start, span.end))}}}`
    at = span.end
  }
  cloze += escape(text.slice(at, sentence.end))
  return { kind: 'cloze', text: cloze.trim(), extra: '' }
}

/** A question card whose answer is the highlighted passage; the reader writes the question. */
export function draftQuestionFromPassage(quote: string): CardContent {
  return { kind: 'basic', front: '', back: quote, isReversible: false }
}

function escape(part: string): string {
  return part.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }')
}
