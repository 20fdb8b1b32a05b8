import type { CardContent } from '../../model/card'
import { reportingVerbForms } from '../positions/reporting-verbs'
import { coversSentence, sentenceAround } from './draft-card'

/*
 * Words that join a term to its definition: "Absolutism is …", "E2EE means …", "Term: …",
 * "Term — …". Only the first eight words can be the term; a copula further in belongs to a clause.
 */
const definingWords =
  /^((?:\S+\s+){0,7}?\S+?)(?:\s+(?:is|are|was|were|means|mean|refers to|refer to|stands for|is defined as|denotes)\s+|\s*:\s+|\s+[—–]\s+)(.+)$/su
/** Up to this many words, a highlight is a term rather than a passage that defines one. */
const maxTermWords = 6
/** A first noun phrase longer than this is a clause, not a term. */
const maxNounPhraseWords = 5
/** Words that end a noun phrase: verbs of being and doing, clause and phrase openers. */
const phraseEnders =
  /^(?:is|are|was|were|be|been|has|have|had|will|would|can|could|must|should|may|might|do|does|did|also|even|already|still|now|never|not|that|which|who|to|of|and|or|but|such|as|in|on|at|by|for|with|from|into|against|about|than|because|while|if|when)$/i
/** "Europol warns …": a reporting verb ends the speaker's name. */
const reportingWords = new Set(reportingVerbForms.filter((form) => !form.includes(' ')))
const leadingArticle = /^(?:the|a|an|such|this|these|those|its|their|our)\s+/i
/** "In his role as Federal Digital Minister, Volker Wissing …": the term follows the opening. */
const openingPhrase =
  /^(?:in|on|at|last|this|even|but|however|meanwhile|according to|after|before|for)\b[^,]{0,80},\s+/i

/**
 * A term → definition card from a highlight. Front: the term — the words before "is/are/means/:"
 * in the highlight, the highlight itself when it is short (a term) or when the reader wrote the
 * definition in the note, else its first noun phrase. Back: the definition — the rest of the
 * highlight, the note, what the sentence says after the term, or the passage itself.
 */
export function draftTermDefinition(
  text: string,
  start: number,
  end: number,
  note: string,
): CardContent {
  const passage = text.slice(start, end).trim()
  const written = note.trim()
  // A short sentence ("Such demands sound familiar.") is a passage, not a term.
  const isTerm = countWords(passage) <= maxTermWords && !coversSentence(text, start, end)
  const card = (front: string, back: string): CardContent => ({
    kind: 'basic',
    front: front.trim(),
    back: back.trim(),
    isReversible: false,
  })
  if (written && isTerm) return card(passage, written)
  const defined = definingWords.exec(passage)
  if (defined) {
    const definition = written ? `${defined[2]!}\n\n${written}` : defined[2]!
    return card(defined[1]!, definition)
  }
  if (written) return card(passage, written)
  if (isTerm) return card(passage, definitionAfterTerm(text, start, end))
  return card(firstNounPhrase(passage), passage)
}

/** What the sentence says about a highlighted term: "…, <term> is X." gives X, else the sentence. */
function definitionAfterTerm(text: string, start: number, end: number): string {
  const sentence = sentenceAround(text, start, end)
  const after = text.slice(end, sentence.end)
  const defined =
    /^\s+(?:is|are|means|refers to|stands for|is defined as)\s+(.+)$/su.exec(after) ??
    /^,\s+((?:a|an|the)\s+[^,]+),/u.exec(after)
  return defined ? defined[1]! : text.slice(sentence.start, sentence.end)
}

/** The passage's first noun phrase, without its article: "Privacy protection measures". */
function firstNounPhrase(passage: string): string {
  const words = passage
    .replace(/^["“]/, '')
    .replace(openingPhrase, '')
    .replace(leadingArticle, '')
    .split(/\s+/)
  const phrase: string[] = []
  for (const word of words) {
    const bare = word.replace(/[,;:.!?"”]+$/, '')
    if (phrase.length > 0 && (phraseEnders.test(bare) || reportingWords.has(bare.toLowerCase())))
      break
    phrase.push(bare)
    if (/[,;:.!?]$/.test(word) || phrase.length === maxNounPhraseWords) break
  }
  return phrase.join(' ')
}

function countWords(passage: string): number {
  return passage.split(/\s+/).filter(Boolean).length
}
