import type { DataStore } from '../store/data-store'
import type { ReviewEntry } from '../store/schema'

/** The log key of a study item across documents. */
export function logKey(entry: Pick<ReviewEntry, 'documentId' | 'cardId' | 'variant'>): string {
  return `${entry.documentId}/${entry.cardId}:${entry.variant}`
}

/** The log file an entry goes to: its UTC day, "2026-11-28". */
export function dayOf(isoTime: string): string {
  return isoTime.slice(0, 10)
}

/**
 * The review log: one file a day, apart from the cards, so rewording a card keeps its history and
 * a grade appends to a small file. It is the source of truth for schedules: an item's schedule is
 * the `after` of its latest entry. Month files of schema 1 are read as they are.
 */
export class ReviewLog {
  readonly #store: DataStore

  constructor(store: DataStore) {
    this.#store = store
  }

  /** Every entry, oldest first. */
  entries(): Promise<ReviewEntry[]> {
    return this.entriesSince('')
  }

  /** Entries of files for days on or after `since` (an ISO time or day), oldest first. */
  async entriesSince(since: string): Promise<ReviewEntry[]> {
    const day = dayOf(since)
    const periods = (await this.#store.reviewPeriods()).filter(
      (period) => period >= day || day.startsWith(period),
    )
    const files = await Promise.all(periods.map((period) => this.#store.reviews(period)))
    return files
      .flatMap((file) => file.data.entries)
      .filter((entry) => entry.reviewedAt >= since)
      .sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt) || a.id.localeCompare(b.id))
  }

  /** The newest entry of each study item. */
  async latestByItem(): Promise<Map<string, ReviewEntry>> {
    const latest = new Map<string, ReviewEntry>()
    for (const entry of await this.entries()) latest.set(logKey(entry), entry)
    return latest
  }

  /** Appends entries, durably, before anything else changes. */
  async append(entries: readonly ReviewEntry[]): Promise<void> {
    for (const day of new Set(entries.map((entry) => dayOf(entry.reviewedAt)))) {
      const file = await this.#store.reviews(day)
      await file.update((draft) => {
        draft.entries.push(...entries.filter((entry) => dayOf(entry.reviewedAt) === day))
      })
    }
  }

  /** Removes an entry (undo of a grade); returns it, or null when it is not in the log. */
  async remove(reviewId: string, reviewedAt: string): Promise<ReviewEntry | null> {
    // Its day's file, or the month file a schema-1 Lectern wrote it to.
    for (const period of [dayOf(reviewedAt), reviewedAt.slice(0, 7)]) {
      if (!(await this.#store.reviewPeriods()).includes(period)) continue
      const file = await this.#store.reviews(period)
      const entry = file.data.entries.find((e) => e.id === reviewId)
      if (!entry) continue
      await file.update((draft) => {
        draft.entries = draft.entries.filter((e) => e.id !== reviewId)
      })
      return entry
    }
    return null
  }
}
