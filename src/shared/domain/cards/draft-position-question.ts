import type { CardContent } from '../../model/card'
import type { DocumentPositions } from '../../model/position'
import { extractStatements } from '../positions/extract-statements'

/** Blocks of a document's text are separated by a blank line. */
const blockSeparator = '\n\n'
/** The blocks before the highlight's that the extractor reads, so "they add" finds who "they" are. */
const blocksBefore = 2

/** The name of the actor whose position cites a highlight as its evidence, or null. */
export function actorCitingHighlight(
  positions: DocumentPositions | null,
  highlightId: string,
): string | null {
  const position = positions?.positions.find((entry) => entry.evidence.includes(highlightId))
  const actor = positions?.actors.find((entry) => entry.id === position?.actorId)
  return actor?.name ?? null
}

/**
 * "What does <actor> want?" with the passage as the answer. The actor is the one whose position
 * cites the highlight, else the speaker the statement extractor finds for the passage; without
 * either, the card asks which position the passage states.
 */
export function draftPositionQuestion(
  text: string,
  start: number,
  end: number,
  actorName: string | null,
): CardContent {
  const who = actorName ?? speakerOfPassage(text, start, end)
  return {
    kind: 'basic',
    front: who ? `${whatDoes(who)} want?` : 'What position does this passage state?',
    back: text.slice(start, end).trim(),
    isReversible: false,
  }
}

/** Who the statement extractor says speaks in the passage (the statement it overlaps most). */
export function speakerOfPassage(text: string, start: number, end: number): string | null {
  let from = text.lastIndexOf(blockSeparator, start - 1)
  for (let i = 0; i < blocksBefore && from > 0; i++)
    from = text.lastIndexOf(blockSeparator, from - 1)
  const windowStart = from < 0 ? 0 : from + blockSeparator.length
  const nextBreak = text.indexOf(blockSeparator, end)
  const window = text.slice(windowStart, nextBreak < 0 ? text.length : nextBreak)
  let best: { speaker: string; overlap: number } | null = null
  for (const statement of extractStatements(window)) {
    const overlap =
      Math.min(end, windowStart + statement.end) - Math.max(start, windowStart + statement.start)
    if (overlap > 0 && (!best || overlap > best.overlap))
      best = { speaker: statement.speaker, overlap }
  }
  return best?.speaker ?? null
}

/**
 * "What does Europol", "What do the police chiefs": the verb agrees with the speaker, and a
 * speaker named by a common noun ("police chiefs", as the extractor gives it) gets its article.
 */
export function whatDoes(speaker: string): string {
  const who = /^\p{Ll}/u.test(speaker) ? `the ${speaker}` : speaker
  // The head of "leaders of the European police authorities" is "leaders".
  const head = speaker.split(/\s+of\s+/)[0]!
  const lastWord = head.split(/\s+/).at(-1) ?? ''
  const isPlural =
    /\s(?:and|&)\s/.test(head) || (/[A-Za-z]s$/.test(lastWord) && !/(?:ss|us|is)$/.test(lastWord))
  return `What ${isPlural ? 'do' : 'does'} ${who}`
}
