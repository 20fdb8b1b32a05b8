import type { Grade, ScheduleState } from '../domain/scheduling/schedule'
import type { StudyCounts } from '../domain/cards/study-counts'
import type { Card, StudyVariant } from './card'

/** Where a study item stands, as the Cards pane lists it. */
export interface StudyItemStatus {
  readonly variant: StudyVariant
  readonly state: ScheduleState
  readonly due: string
  readonly isSuspended: boolean
  readonly buriedUntil: string | null
}

/** A card with the status of each of its study items. */
export interface CardWithStatus {
  readonly card: Card
  readonly items: readonly StudyItemStatus[]
}

/** The passage a card came from, in its paragraph, with the highlight marked. */
export interface CardSource {
  readonly highlightId: string
  readonly paragraph: string
  readonly markStart: number
  readonly markEnd: number
}

/** One item to review now, with what each grade would do. */
export interface StudyItem {
  readonly documentId: string
  readonly documentTitle: string
  readonly card: Card
  readonly variant: StudyVariant
  readonly state: ScheduleState
  readonly source: CardSource | null
  readonly outcomes: readonly { readonly grade: Grade; readonly intervalDays: number }[]
}

/** What is left to study now. */
export interface StudyQueue {
  /** The next items, first one first; the second is ready before it is needed. */
  readonly items: readonly StudyItem[]
  /** Due now; `new` is held to the day's allowance of new items. */
  readonly counts: { readonly new: number; readonly learning: number; readonly review: number }
  /** The whole library: its cards, and its study items to study now (new ones not held back). */
  readonly totals: StudyCounts
  /** When the next item comes due, if nothing is due now. */
  readonly nextDue: string | null
  /** The main process's time when the queue was made, for "due in 3 days". */
  readonly asOf: string
}

/** Proof of a grade, to undo it. */
export interface GradeReceipt {
  readonly reviewId: string
  readonly reviewedAt: string
  /** When the item is due again. */
  readonly due: string
}

/** Progress the reader can see. */
export interface StudyStats {
  /** Reviews coming due on each of the next 30 days (today first). */
  readonly forecast: readonly { readonly date: string; readonly count: number }[]
  /** Reviews done on each day of the last year. */
  readonly heatmap: readonly { readonly date: string; readonly count: number }[]
  /** Share of reviews of mature items answered anything but Again; null before any. */
  readonly trueRetention: {
    readonly reviews: number
    readonly passed: number
    readonly share: number | null
  }
  readonly documents: readonly {
    readonly documentId: string
    readonly title: string
    readonly items: number
    readonly rememberedWell: number
  }[]
  readonly totalReviews: number
}
