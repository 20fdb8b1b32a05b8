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

const minute = 1 / 1440

/** An interval in days as a grade button shows it: "1m", "10m", "2d", "3.5mo", "1.2y". */
export function formatInterval(days: number): string {
  if (days < 1 / 24) return `${Math.max(1, Math.round(days / minute))}m`
  if (days < 1) return `${Math.round(days * 24)}h`
  if (days < 30) return `${Math.round(days)}d`
  if (days < 365) return `${(days / 30).toFixed(1).replace(/\.0$/, '')}mo`
  return `${(days / 365).toFixed(1).replace(/\.0$/, '')}y`
}

/** When something is due, relative to `now`: "in 10 minutes", "tomorrow", "in 4 days". */
export function formatDue(due: string, now: string): string {
  const days = (Date.parse(due) - Date.parse(now)) / 86_400_000
  if (days <= 0) return 'now'
  if (days < 1 / 24) return `in ${Math.max(1, Math.round(days / minute))} minutes`
  if (days < 1) return `in ${Math.round(days * 24)} hours`
  if (days < 2) return 'tomorrow'
  return `in ${Math.round(days)} days`
}

/** A size in bytes as people read it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`
}

/** "1 document", "12 documents": a count with its noun (regular plurals only). */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
