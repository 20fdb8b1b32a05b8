/**
 * Very frequent short words of each language Lectern guesses. Ten to twenty per language are
 * enough to tell apart running text of a sentence or more; they are the top of frequency lists.
 */
const stopWords: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'that',
    'for',
    'with',
    'on',
    'are',
    'this',
    'be',
    'by',
    'from',
    'it',
    'was',
    'will',
    'have',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'im',
    'wird',
    'auf',
    'für',
    'durch',
    'ein',
    'eine',
    'den',
    'dem',
    'sich',
    'von',
    'zu',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'des',
    'est',
    'une',
    'dans',
    'pour',
    'que',
    'qui',
    'sur',
    'pas',
    'du',
    'au',
    'avec',
  ],
  es: [
    'el',
    'los',
    'las',
    'y',
    'del',
    'que',
    'una',
    'por',
    'para',
    'con',
    'se',
    'es',
    'como',
    'pero',
    'su',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'niet',
    'ik',
    'dat',
    'zijn',
    'op',
    'voor',
    'met',
    'wordt',
    'ook',
  ],
  it: ['il', 'gli', 'della', 'che', 'non', 'per', 'una', 'sono', 'con', 'del', 'nel', 'alla'],
}

/** A guess needs this many stop-word hits, and a lead of this many over the runner-up. */
const minimumHits = 2
const minimumLead = 1

/** Guesses the language of a text from its stop words; null when the text is too short to tell. */
export function guessLanguage(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
  const scores = Object.entries(stopWords).map(([language, list]) => {
    const set = new Set(list)
    return { language, hits: words.filter((word) => set.has(word)).length }
  })
  scores.sort((a, b) => b.hits - a.hits)
  const [best, second] = scores
  if (!best || best.hits < minimumHits) return null
  if (second && best.hits - second.hits < minimumLead) return null
  return best.language
}

/** Language names as English-language text writes them, to BCP 47 tags. */
const languageNames: Record<string, string> = {
  german: 'de',
  english: 'en',
  french: 'fr',
  spanish: 'es',
  italian: 'it',
  dutch: 'nl',
  portuguese: 'pt',
  polish: 'pl',
}

/** "German" → "de"; null for a name Lectern does not know. */
export function languageTagOf(name: string): string | null {
  return languageNames[name.toLowerCase()] ?? null
}
