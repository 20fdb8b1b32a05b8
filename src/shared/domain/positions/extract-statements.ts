import type { StatementSuggestion } from '../../model/position'
import { reportingVerbForms, stanceCopula, stanceVerbs } from './reporting-verbs'

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
const verbPattern = reportingVerbForms.map((form) => form.replace(/ /g, '\\s+')).join('|')
/** '…," explains Europol.' — the speaker after the verb, at the end of the sentence. */
const trailingInverted = new RegExp(
  `^(.+?)[,"”]+\\s+(${verbPattern})\\s+((?:(?:its|their|his|her|the)\\s+)?(?:[a-z][\\w'’-]*,?\\s+){0,3}(?:the\\s+)?[A-Z][\\w'’.-]*(?:\\s+[A-Z][\\w'’.-]*){0,4})(?:,\\s+(?:who|adding|saying)\\b.*)?\\.?$`,
)
/** "…, the city's culture department announced on Tuesday." — speaker and verb closing the sentence. */
const closingAttribution = new RegExp(
  `^(.+?),\\s+((?:the\\s+)[^,"“”]{2,60}?)\\s+(${verbPattern})(?:\\s+[\\w'’-]+){0,3}\\.?$`,
)
/** '"…," the police chiefs explain.' — a quotation, then who said it. */
const afterQuotation = new RegExp(
  `^["“]?(.+?)[,.]?["”],?\\s+((?:the\\s+|they\\b|he\\b|she\\b|we\\b)[^,"“”]{0,60}?)\\s*\\b(${verbPattern})\\b`,
  'i',
)
/** "In his role as Federal Digital Minister, …": an opening phrase that may name a role. */
const openingPhrase =
  /^((?:last|this|in|on|at|even|but|however|meanwhile|already|according to)\b[^,"]{0,60}),\s+/i
const roleInOpening = /^in (?:his|her|their) (?:role|capacity) as (.+)$/i
const adverbs = /^(?:(?:also|already|even|now|still|repeatedly|on the other hand),?\s+)*/
const pronouns = /^(?:they|he|she|we|it)$/i

/**
 * Finds attributed statements in a text with plain rules: quoted and reported speech ("X warns
 * that …", "…, explains Europol", "X emphasized …", "X wants to …", "X is against …", "they add").
 * Pronouns take the previous speaker. Offline and deterministic: suggestions, not facts.
 */
export function extractStatements(text: string): StatementSuggestion[] {
  const found: StatementSuggestion[] = []
  let lastSpeaker: { speaker: string; role: string } | null = null
  for (const block of text.matchAll(/[^\n]+/g)) {
    for (const { segment, index } of sentenceSegmenter.segment(block[0])) {
      const sentence = segment.trimEnd()
      const offset = block.index + index
      const match = matchSentence(sentence)
      if (!match) continue
      let who = describeSpeaker(match.speaker)
      if (pronouns.test(who.speaker)) {
        if (!lastSpeaker) continue
        who = lastSpeaker
      }
      if (!/[A-Za-z]/.test(who.speaker)) continue
      lastSpeaker = who
      const span = trimStatement(sentence, match.statementStart, match.statementEnd)
      // Shorter than "the ban" is not a statement.
      if (span.end - span.start < 7) continue
      found.push({
        id: `s${offset + span.start}-${offset + span.end}`,
        speaker: who.speaker,
        role: who.role || match.role,
        verb: match.verb.toLowerCase().replace(/\s+/g, ' '),
        statement: sentence.slice(span.start, span.end),
        start: offset + span.start,
        end: offset + span.end,
      })
    }
  }
  return found
}

interface SentenceMatch {
  readonly speaker: string
  readonly verb: string
  readonly role: string
  readonly statementStart: number
  readonly statementEnd: number
}

function matchSentence(sentence: string): SentenceMatch | null {
  const inverted = trailingInverted.exec(sentence)
  if (inverted)
    return {
      speaker: inverted[3]!,
      verb: inverted[2]!,
      role: '',
      statementStart: 0,
      statementEnd: inverted[1]!.length,
    }
  const quoted = afterQuotation.exec(sentence)
  if (quoted) {
    const start = /^["“]/.test(sentence) ? 1 : 0
    return {
      speaker: quoted[2]!.trim(),
      verb: quoted[3]!,
      role: '',
      statementStart: start,
      statementEnd: start + quoted[1]!.length,
    }
  }
  const closing = closingAttribution.exec(sentence)
  if (closing && isPlausibleSubject(closing[2]!)) {
    return {
      speaker: closing[2]!,
      verb: closing[3]!,
      role: '',
      statementStart: 0,
      statementEnd: closing[1]!.length,
    }
  }
  return matchLeadingSpeaker(sentence)
}

/** "<opening phrase,> <speaker> <adverbs> <verb> <statement>". */
function matchLeadingSpeaker(sentence: string): SentenceMatch | null {
  const opening = openingPhrase.exec(sentence)
  const role = opening ? (roleInOpening.exec(opening[1]!)?.[1] ?? '') : ''
  const bodyStart = opening ? opening[0].length : 0
  const body = sentence.slice(bodyStart)
  const verb = new RegExp(`\\s(${verbPattern})\\b`).exec(body)
  const copula = stanceCopula.exec(body)
  const hit = [verb, copula]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0]
  if (!hit) return null
  const subject = body
    .slice(0, hit.index)
    .replace(/,?\s*on the other hand,?$/i, '')
    .replace(
      /(?:\s+(?:also|already|even|now|still|have|has|had|will|would|could|may|might))+$/i,
      '',
    )
  if (!isPlausibleSubject(subject)) return null
  const after = hit.index + hit[0].length
  const rest = body.slice(after)
  const thatClause = /^\s*(?:in [^,"]{0,40}?\s+)?(?:that\b|:)\s*/.exec(rest)
  const isCopula = hit === copula
  // Reported speech needs "that", a colon or "against"/"to"; a stance verb takes its object.
  const takesObject = isCopula || stanceVerbs.test(hit[1]!) || /^\s+(?:against|to)\b/.test(rest)
  if (!thatClause && !takesObject) return null
  const statementStart =
    bodyStart +
    (thatClause
      ? after + thatClause[0].length
      : isCopula
        ? hit.index + hit[0].indexOf(hit[1]!)
        : after)
  return {
    speaker: subject,
    verb: hit[0].trim(),
    role,
    statementStart,
    statementEnd: sentence.length,
  }
}

/** Nouns that name groups and institutions, which speak without a proper name. */
const institutionNouns =
  /\b(?:police|officials|leaders|participants|chiefs|ministers|ministry|government|parliament|council|committee|department|agency|association|club|union|party|company|group|students|members)\b/i

/** A speaker is a short noun phrase with a name or an institution in it, or a pronoun to resolve. */
function isPlausibleSubject(phrase: string): boolean {
  const subject = phrase.trim()
  const words = subject.split(/\s+/)
  if (words.length === 0 || words.length > 12 || subject.includes('"')) return false
  if (pronouns.test(subject)) return true
  if (/^(?:this|that|it|there|such|two|these|those)\b/i.test(subject)) return false
  // A subject has no verb of its own and does not end on an article ("… vote on a plan").
  if (/\b(?:will|would|can|could|must|should|shall|may|might|is|are|was|were)\b/i.test(subject))
    return false
  if (/\b(?:a|an|the)$/i.test(subject)) return false
  // A capital on the first word may only mark the sentence start, unless it stands alone.
  const hasName =
    words.slice(1).some((word) => /^[A-Z][\w'’-]+/.test(word)) ||
    (words.length === 1 && /^[A-Z]/.test(words[0]!))
  return hasName || institutionNouns.test(subject)
}

/** What kind of actor a speaker probably is; the reader can correct it. */
export function guessActorKind(speaker: string): 'person' | 'organisation' | 'body' {
  if (
    /\b(?:MEPs|members|chiefs|officials|leaders|participants|police|parliament|council|committee|ministers)\b/i.test(
      speaker,
    )
  )
    return 'body'
  if (/^[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)+$/.test(speaker)) return 'person'
  return 'organisation'
}

/** Titles that come before a name and belong to the role: "Mayor Anna Berg". */
const titleWords =
  /^(?:(?:Mayor|Minister|President|Chancellor|Senator|Governor|Judge|Dr|Prof|Professor|CEO|Chair|Director|Commissioner)\.?\s+)+/

/** "The new head of the BSI, Claudia Plattner" → Claudia Plattner, head of the BSI. */
export function describeSpeaker(phrase: string): { speaker: string; role: string } {
  const cleaned = phrase
    .replace(adverbs, '')
    .replace(/^the\s+(?:new\s+)?/i, '')
    .replace(/[,.;:\s]+$/, '')
    .trim()
  const appositive = /^(.+?),\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+)$/.exec(cleaned)
  if (appositive) return { speaker: appositive[2]!, role: appositive[1]!.replace(/^new\s+/i, '') }
  // A name is the run of two or more capitalised words at the end, less any titles before it.
  const named =
    /^(.*?)\s*((?:[A-Z][a-z][\w'’-]*\s+)*[A-Z][a-z][\w'’-]*\s+[A-Z][a-z][\w'’-]*)$/.exec(cleaned)
  if (named && (named[1] || titleWords.test(named[2]!))) {
    const titles = titleWords.exec(named[2]!)?.[0] ?? ''
    const name = named[2]!.slice(titles.length).trim()
    const role = `${named[1]!} ${titles}`.trim()
    if (name.includes(' ')) return { speaker: name, role }
  }
  return { speaker: cleaned, role: '' }
}

/** Trims quotation marks, spaces and closing punctuation from a statement's span. */
function trimStatement(
  sentence: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = start
  let to = end
  while (from < to && /[\s"“”'‘,:]/.test(sentence[from]!)) from++
  while (to > from && /[\s"“”'’,.;:]/.test(sentence[to - 1]!)) to--
  return { start: from, end: to }
}
