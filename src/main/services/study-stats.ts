import type { Scheduler } from '../../shared/domain/scheduling'
import type { StudyStats } from '../../shared/model'
import type { ItemSchedule, ReviewEntry } from '../store/schema'
import { addDays, localDay } from './local-day'

/** A study item as the statistics see it. */
export interface StatsItem {
  readonly documentId: string
  readonly schedule: ItemSchedule
}

/** Predicted recall at or above this counts as "remembered well". */
export const rememberedWellRecall = 0.9
const forecastDays = 30
const heatmapDays = 365

/** Computes the progress figures from the items and the review log. Pure given `now`. */
export function computeStudyStats(input: {
  readonly now: string
  readonly items: readonly StatsItem[]
  readonly entries: readonly ReviewEntry[]
  readonly documents: readonly { readonly id: string; readonly title: string }[]
  readonly scheduler: Scheduler
  /** The zone whose calendar days are counted; the machine's when absent. */
  readonly timeZone?: string | undefined
}): StudyStats {
  const day = (isoTime: string) => localDay(isoTime, input.timeZone)
  const today = day(input.now)
  const scheduled = input.items.filter(
    (item) => !item.schedule.isSuspended && item.schedule.state !== 'new',
  )
  const dueDays = scheduled.map((item) =>
    item.schedule.due <= input.now ? today : day(item.schedule.due),
  )
  const forecast = Array.from({ length: forecastDays }, (_, offset) => {
    const date = addDays(today, offset)
    return { date, count: dueDays.filter((day) => day === date).length }
  })

  const reviews = input.entries.filter((entry) => entry.kind === 'review')
  const perDay = new Map<string, number>()
  for (const entry of reviews)
    perDay.set(day(entry.reviewedAt), (perDay.get(day(entry.reviewedAt)) ?? 0) + 1)
  const heatmap = Array.from({ length: heatmapDays }, (_, index) => {
    const date = addDays(today, index - heatmapDays + 1)
    return { date, count: perDay.get(date) ?? 0 }
  })

  // True retention: answers to items that were already in review (not still being learnt).
  const mature = reviews.filter((entry) => entry.before?.state === 'review')
  const passed = mature.filter((entry) => entry.grade !== 'again').length

  return {
    forecast,
    heatmap,
    trueRetention: {
      reviews: mature.length,
      passed,
      share: mature.length > 0 ? passed / mature.length : null,
    },
    documents: input.documents.map((document) => {
      const items = input.items.filter((item) => item.documentId === document.id)
      const rememberedWell = items.filter(
        (item) => input.scheduler.recall(item.schedule, input.now) >= rememberedWellRecall,
      ).length
      return { documentId: document.id, title: document.title, items: items.length, rememberedWell }
    }),
    totalReviews: reviews.length,
  }
}
