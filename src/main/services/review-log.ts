import type { DataStore } from '../store/data-store'
import type { ReviewEntry } from '../store/schema'

/** The log key of a study item across documents. */
export function logKey(entry: Pick<ReviewEntry, 'documentId' | 'cardId' | 'variant'>): string {
  return `${entry.documentId}/${entry.cardId}:${entry.variant}`
}

/** "2026-11" for an ISO time. */
export function monthOf(isoTime: string): string {
  return isoTime.slice(0, 7)
}

/**
 * The review log: one file a month, apart from the cards, so rewording a card keeps its history.
 * It is the source of truth for schedules: an item's schedule is the `after` of its latest entry.
 */
export class ReviewLog {
  readonly #store: DataStore

  constructor(store: DataStore) {
    this.#store = store
  }

  /** Every entry, oldest first. */
  async entries(): Promise<ReviewEntry[]> {
    const months = await this.#store.reviewMonths()
    const files = await Promise.all(months.map((month) => this.#store.reviews(month)))
    return files
      .flatMap((file) => file.data.entries)
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
    for (const month of new Set(entries.map((entry) => monthOf(entry.reviewedAt)))) {
      const file = await this.#store.reviews(month)
      await file.update((draft) => {
        draft.entries.push(...entries.filter((entry) => monthOf(entry.reviewedAt) === month))
      })
    }
  }

  /** Removes an entry (undo of a grade); returns it, or null when it is not in the log. */
  async remove(reviewId: string, month: string): Promise<ReviewEntry | null> {
    const file = await this.#store.reviews(month)
    const entry = file.data.entries.find((e) => e.id === reviewId)
    if (!entry) return null
    await file.update((draft) => {
      draft.entries = draft.entries.filter((e) => e.id !== reviewId)
    })
    return entry
  }
}
