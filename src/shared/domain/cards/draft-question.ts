import type { CardContent } from '../../model/card'
import { sentenceAround } from './draft-card'
import { speakerOfPassage, whatDoes } from './draft-position-question'
import { findKeyWords } from './key-words'

/** Markdown that may open a note's line: a heading, a list or a quote marker, emphasis. */
const lineMarkers = /^(?:#{1,6}\s+|[-*+]\s+|>\s+|\d+[.)]\s+)*[*_]*|[*_]*$/g
/** At most two of the passage's key words name what the question is about. */
const maxTopicWords = 2
/** A passage this short is a word or a name, not an answer: its sentence answers instead. */
const maxWordsOfName = 3

/**
 * A question card. Front: the highlight when it is a question, else the first line of the note
 * when that is one, else a question built only from what the passage shows — who speaks in it and
 * its key words ("What does Europol say about encryption?"). Back: the passage; when the passage
 * is itself the question, the note (empty until the reader writes the answer).
 */
export function draftQuestion(text: string, start: number, end: number, note: string): CardContent {
  const passage = text.slice(start, end).trim()
  const card = (front: string, back: string): CardContent => ({
    kind: 'basic',
    front,
    back: back.trim(),
    isReversible: false,
  })
  if (isQuestion(passage)) return card(passage, note)
  const sentence = sentenceAround(text, start, end)
  const answer =
    passage.split(/\s+/).length <= maxWordsOfName
      ? text.slice(sentence.start, sentence.end)
      : passage
  const [firstLine = '', ...rest] = note.trim().split('\n')
  const asked = firstLine.replace(lineMarkers, '').trim()
  if (isQuestion(asked)) {
    const more = rest.join('\n').trim()
    return card(asked, more ? `${answer}\n\n${more}` : answer)
  }
  return card(questionAbout(text, start, end), answer)
}

/** A question from the passage's own words: its speaker and up to two of its key words. */
export function questionAbout(text: string, start: number, end: number): string {
  const passage = text.slice(start, end)
  const speaker = speakerOfPassage(text, start, end)
  const topic = findKeyWords(passage)
    .filter(({ start: from, end: to }) => !speaker?.includes(passage.slice(from, to)))
    .slice(0, maxTopicWords)
    .map(({ start: from, end: to }) => {
      const word = passage.slice(from, to)
      // A capital that only opens the sentence is not part of the word ("Governments"), which the
      // text shows by writing it in lower case elsewhere; "Europol" never is.
      const lower = word[0]!.toLowerCase() + word.slice(1)
      const isCommonWord =
        lower !== word && new RegExp(`\\b${escapeRegExp(lower)}\\b`, 'u').test(text)
      return isCommonWord ? lower : word
    })
  const asks = speaker ? whatDoes(speaker) : 'What does this passage'
  if (topic.length === 0) return `${asks} say?`
  return `${asks} say about ${topic.join(' and ')}?`
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function isQuestion(line: string): boolean {
  return /\?["”’)]*$/.test(line.trim())
}
