const languageNames = new Intl.DisplayNames(['en'], { type: 'language' })

/** "de" → "German"; the tag itself when the browser does not know it. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag
  } catch {
    return tag
  }
}

/** 0.426 → "43%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`
}

/** A reading time estimate at 230 words a minute, a common adult reading speed. */
export function readingMinutes(wordCount: number): string {
  return `${Math.max(1, Math.round(wordCount / 230))} min`
}
