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

/** Longest language tag the library stores (BCP 47 allows longer, no real document needs it). */
export const maxLanguageTagLength = 35

/**
 * A declared language as a canonical BCP 47 tag: "en_US" → "en-US", "EN" → "en", "iw" → "he".
 * Null for what is not a tag ("x", "english", garbage, "und"), so the caller guesses instead.
 */
export function normaliseLanguageTag(declared: string): string | null {
  const candidate = declared.trim().replace(/_/g, '-')
  if (candidate.length < 2 || candidate.length > maxLanguageTagLength) return null
  let canonical: string | undefined
  try {
    canonical = Intl.getCanonicalLocales(candidate)[0]
  } catch {
    return null
  }
  if (!canonical || canonical.length > maxLanguageTagLength) return null
  // A two- or three-letter language first: not "x-private" or a bare region, and not "und".
  if (!/^[a-z]{2,3}(?:-|$)/.test(canonical) || /^und(?:-|$)/.test(canonical)) return null
  return canonical
}

/** "en-US" → "en": documents keep the language only, as the guesser tells it. */
export function primaryLanguageOf(tag: string): string {
  return tag.split('-')[0]!
}
