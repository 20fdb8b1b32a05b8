import type { TranslationNote } from '../../../shared/model'
import { languageTagOf } from '../guess-language'

/**
 * Buttons and labels of news sites that come along when an article is copied as text. A line
 * made only of these words is page furniture, not part of the article.
 */
const furnitureWords =
  /^(?:\s*(?:save to pocket|listen|print view|print|share|share this article|comments?|advertisement|bookmark|read later)\s*)+$/i

/** "4 min. read", "12 minute read". */
const readingTime = /^\s*\d+\s*(?:min\.?|minutes?)\s+read\s*$/i

/** "This article was originally published in German and has been automatically translated." */
const translationNotice =
  /^\s*this (?:article|text) was originally (?:published|written) in (\p{L}+)(?: and (?:has been|was) (automatically|machine|machine-) ?translated)?\.?\s*$/iu

/** What a line of page chrome tells about the document, if anything. */
export type ChromeLine =
  { readonly kind: 'furniture' } | { readonly kind: 'translation'; readonly note: TranslationNote }

/** Recognises a line of page chrome; null for a line of the article itself. */
export function recogniseChromeLine(line: string): ChromeLine | null {
  if (furnitureWords.test(line) || readingTime.test(line)) return { kind: 'furniture' }
  const notice = translationNotice.exec(line)
  const fromLanguage = notice?.[1] ? languageTagOf(notice[1]) : null
  if (notice && fromLanguage) {
    return { kind: 'translation', note: { fromLanguage, isMachineTranslation: Boolean(notice[2]) } }
  }
  return null
}
