import { reportingVerbForms } from '../positions/reporting-verbs'

/** A span of a passage, in the passage's own offsets. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** Words that carry grammar, not knowledge: hiding them asks nothing worth remembering. */
const functionWords = new Set(
  `a an the and or but nor so yet of in on at to for from by with about as into onto over under
  between through during before after above below up down out off than then that this these those
  there here which who whom whose what when where why how it its they them their theirs he him his
  she her hers we us our ours you your i me my is are was were be been being am have has had having
  do does did will would shall should can could may might must not no also even such very more most
  much many some any each every all both either neither other another only just now still already
  again too well one own same while because since although though whether if unless until within
  without upon like per via new last first next`.split(/\s+/),
)
/** "warns", "explains": who said it is not the knowledge, what was said is. */
const reportingWords = new Set(reportingVerbForms.filter((form) => !form.includes(' ')))

/** A word, with inner hyphens and apostrophes: "end-to-end", "Meta's", "security-by-design". */
const wordPattern = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu
/** A possessive ending stays visible: the cloze hides "Meta", not "Meta's". */
const possessive = /['’]s$/i
const startsUpper = /^\p{Lu}/u
const hasDigit = /\p{N}/u

/*
 * Scores favour what a reader most wants to recall. A name or a number is worth more than a
 * common word of the same length: 4 and 6 extra letters make "Europol" (7+4) beat "industry" (8)
 * and the "18" of "April 18" (2+6) beat "the", while long content words still win over short
 * names ("encryption" 10 over "UK" 6).
 */
const nameBonus = 4
const numberBonus = 6
/** Shorter content words ("safe", "key") are too easy to guess from the rest of the sentence. */
const minContentLength = 5
/** About one hidden word for every eight of the passage, so a long passage asks for more. */
const wordsPerKeyWord = 8
const maxKeyWords = 3

/** Whether a word says something (a name, a number, a noun, a verb), not grammar or attribution. */
export function isContentWord(word: string): boolean {
  const lower = word.replace(possessive, '').toLowerCase()
  return !functionWords.has(lower) && !reportingWords.has(lower)
}

/** The words of a passage, as they are written. */
export function wordsOf(passage: string): string[] {
  return passage.match(wordPattern) ?? []
}

interface Candidate extends Span {
  readonly score: number
  /** Lower-cased, so the same word twice is hidden once. */
  readonly key: string
}

/**
 * The one to three words (or names, or numbers) of a passage most worth hiding in a cloze, in
 * reading order: names (a run of capitalised words not opening the passage) and numbers first,
 * then the longest content words. Empty when the passage has nothing but function words.
 */
export function findKeyWords(passage: string): Span[] {
  const words = [...passage.matchAll(wordPattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].replace(possessive, '').length,
    text: match[0].replace(possessive, ''),
  }))
  const candidates: Candidate[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    const lower = word.text.toLowerCase()
    if (hasDigit.test(word.text)) {
      candidates.push({ ...word, key: lower, score: word.text.length + numberBonus })
      continue
    }
    // A capital opening the passage may only mark a sentence start, unless a name follows it.
    const isNameStart =
      startsUpper.test(word.text) &&
      !functionWords.has(lower) &&
      (i > 0 || startsUpper.test(words[1]?.text ?? ''))
    if (isNameStart) {
      let last = i
      while (
        last + 1 < words.length &&
        // A date belongs to its month: "April 18".
        (startsUpper.test(words[last + 1]!.text) || hasDigit.test(words[last + 1]!.text)) &&
        // Only a space between the words of one name: "Claudia Plattner", not "Europol. The".
        /^\s+$/.test(passage.slice(words[last]!.end, words[last + 1]!.start))
      )
        last++
      const end = words[last]!.end
      const name = passage.slice(word.start, end)
      candidates.push({
        start: word.start,
        end,
        key: name.toLowerCase(),
        score: name.length + nameBonus,
      })
      i = last
      continue
    }
    if (functionWords.has(lower) || reportingWords.has(lower)) continue
    if (word.text.length < minContentLength) continue
    candidates.push({ ...word, key: lower, score: word.text.length })
  }
  const wanted = Math.min(maxKeyWords, Math.max(1, Math.round(words.length / wordsPerKeyWord)))
  const chosen: Candidate[] = []
  // Highest score first; at equal scores the earlier word (the sort is stable).
  for (const candidate of [...candidates].sort((a, b) => b.score - a.score)) {
    if (chosen.length === wanted) break
    if (!chosen.some((other) => other.key === candidate.key)) chosen.push(candidate)
  }
  return chosen.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start)
}
