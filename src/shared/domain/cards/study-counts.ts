import type { ScheduleState } from '../scheduling/schedule'

/**
 * A note becomes a card; a card becomes one or more study items (a reversible card is two, a
 * cloze with c1 and c2 is two). Every place that counts says both numbers, counted here, so the
 * Cards tab, the library and Review cannot disagree.
 */
export interface StudyCounts {
  /** Cards, whether or not any of their items is to study now. */
  readonly cards: number
  /** Study items to study now: new ones and those whose time has come. */
  readonly toStudy: number
}

/** What counting needs of a study item's schedule. */
export interface StudyTiming {
  readonly state: ScheduleState
  readonly due: string
  readonly isSuspended: boolean
  readonly buriedUntil: string | null
}

/** Whether an item is studied now: not suspended, not buried, and new or due. */
export function isToStudyNow(item: StudyTiming, now: string): boolean {
  if (item.isSuspended) return false
  if (item.buriedUntil !== null && item.buriedUntil > now) return false
  return item.state === 'new' || item.due <= now
}

/** Counts cards and study items to study now among cards, each given with its items. */
export function countStudy(
  cards: Iterable<{ readonly items: readonly StudyTiming[] }>,
  now: string,
): StudyCounts {
  let cardCount = 0
  let toStudy = 0
  for (const { items } of cards) {
    cardCount++
    toStudy += items.filter((item) => isToStudyNow(item, now)).length
  }
  return { cards: cardCount, toStudy }
}

/** "14 cards · 18 to study", the one wording of the counts. */
export function describeStudyCounts(counts: StudyCounts): string {
  const cards = `${counts.cards} ${counts.cards === 1 ? 'card' : 'cards'}`
  return `${cards} · ${counts.toStudy} to study`
}
