import { Scheduler } from '../../shared/domain/scheduling'
import type { ItemSchedule } from '../store/schema'

/** A study item that has never been reviewed. */
export function newItemSchedule(now: string): ItemSchedule {
  return {
    ...Scheduler.newSchedule(now),
    isSuspended: false,
    buriedUntil: null,
    lastReviewId: null,
  }
}

/** The FSRS part of an item's schedule, as the log stores it. */
export function stripItemFields(
  schedule: ItemSchedule,
): Omit<ItemSchedule, 'isSuspended' | 'buriedUntil' | 'lastReviewId'> {
  const { isSuspended, buriedUntil, lastReviewId, ...rest } = schedule
  return rest
}
