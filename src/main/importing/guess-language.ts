import { franc } from 'franc-min'

/**
 * Texts shorter than this are not guessed: on a title or a fragment ("Das Kapital", "Grey herons
 * wait.") the trigram detector names a language it has no grounds for (Javanese, Dutch), and a
 * document with no language ("und") is better than one in the wrong one. Every sentence of the
 * measured set (English and German news sentences, 40 characters and up) is longer.
 */
const minimumLength = 20

/**
 * Guesses the language of a text with franc-min (trigram profiles of the 82 languages with the
 * most speakers; it reads the first 2,048 characters), as a BCP 47 tag: "de", "en", "ru", or a
 * three-letter tag where a language has no two-letter one. Null when it cannot tell.
 */
export function guessLanguage(text: string): string | null {
  const code = franc(text, { minLength: minimumLength })
  return code === 'und' ? null : normaliseLanguageTag(code)
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
