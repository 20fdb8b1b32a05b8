import { itemKey, variantsOf } from '../../shared/domain/cards/variants'
import { countStudy, isToStudyNow, type StudyCounts } from '../../shared/domain/cards/study-counts'
import { Scheduler, type Grade } from '../../shared/domain/scheduling'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type {
  Card,
  GradeReceipt,
  Settings,
  StudyQueue,
  StudyStats,
  StudyVariant,
} from '../../shared/model'
import { scheduleShardOf, type DataStore } from '../store/data-store'
import type { CardsFile, ItemSchedule, ReviewEntry } from '../store/schema'
import { newItemSchedule, stripItemFields } from './new-item-schedule'
import { localDay } from './local-day'
import { logKey, type ReviewLog } from './review-log'
import type { ScheduleBook, ScheduleChange } from './schedule-book'
import { findCardSource } from './card-source'
import { storageFailure } from './storage-failure'
import { computeStudyStats } from './study-stats'

/** What the review service needs, passed in by the composition root. */
export interface ReviewServiceDeps {
  readonly store: DataStore
  readonly schedules: ScheduleBook
  readonly log: ReviewLog
  readonly now: () => string
  readonly newId: () => string
  readonly settings: () => Settings
  /** The zone whose calendar days count ("new cards today"); the machine's when absent. */
  readonly timeZone?: string
}

/** One study item with everything the queue needs to know about it. */
interface Item {
  readonly documentId: string
  readonly title: string
  readonly card: Card
  /** Library order of the card (document, then place in its file): breaks ties in the queue. */
  readonly rank: number
  readonly variant: StudyVariant
  readonly schedule: ItemSchedule
}

/**
 * A document's study items by schedule shard: while the cards file is the same object, only the
 * shards written since (a grade writes one) are rebuilt.
 */
interface CachedItems {
  readonly cards: CardsFile
  readonly cardsByShard: ReadonlyMap<string, readonly { card: Card; rank: number }[]>
  readonly shards: Map<string, { stamp: object | undefined; items: Item[] }>
}

type Failure = 'not-found' | 'storage-failed' | 'read-only'

/**
 * Reviews with FSRS: what is due, grading, undoing a grade, and progress. A grade is logged
 * first and then applied to the card's schedule; at start the schedules are reconciled with the
 * log, so a crash between the two writes leaves both or neither.
 */
export class ReviewService {
  readonly #deps: ReviewServiceDeps
  #reconciled: Promise<void> | null = null
  readonly #cache = new Map<string, CachedItems>()

  constructor(deps: ReviewServiceDeps) {
    this.#deps = deps
  }

  /**
   * The next items to review and how many are left. One pass over the items, no sorting of the
   * whole collection: with tens of thousands of cards the queue stays a few milliseconds.
   */
  async queue(limit = 2): Promise<StudyQueue> {
    const now = this.#deps.now()
    const newToday = await this.#newIntroducedToday(now)
    const newAllowed = Math.max(0, this.#deps.settings().newCardsPerDay - newToday)
    const byDue = (a: Item, b: Item) => compare(a.schedule.due, b.schedule.due)
    const byCreation = (a: Item, b: Item) =>
      compare(a.card.createdAt, b.card.createdAt) ||
      a.rank - b.rank ||
      compare(a.variant, b.variant)
    const firstDue = new Smallest<Item>(limit, byDue)
    const firstNew = new Smallest<Item>(limit, byCreation)
    let dueLearning = 0
    let dueReview = 0
    let newCount = 0
    let nextLater: string | null = null
    // Totals in the same pass: a grade with 50,000 cards must not group them all again. A card's
    // items come one after another (see #items), so a new card object starts a new card.
    let cardCount = 0
    let toStudy = 0
    let previousCard: Card | null = null
    for (const item of await this.#items()) {
      const { schedule } = item
      if (item.card !== previousCard) cardCount++
      previousCard = item.card
      if (isToStudyNow(schedule, now)) toStudy++
      if (schedule.isSuspended || (schedule.buriedUntil && schedule.buriedUntil > now)) continue
      if (schedule.state === 'new') {
        newCount++
        firstNew.offer(item)
      } else if (schedule.due <= now) {
        if (schedule.state === 'review') dueReview++
        else dueLearning++
        firstDue.offer(item)
      } else if (nextLater === null || schedule.due < nextLater) nextLater = schedule.due
    }
    const fresh = firstNew.sorted().slice(0, newAllowed)
    const queue = [...firstDue.sorted(), ...fresh]
    const isEmpty = dueLearning + dueReview + Math.min(newCount, newAllowed) === 0
    const scheduler = this.#scheduler()
    return {
      items: await Promise.all(
        queue.slice(0, limit).map(async (item) => ({
          documentId: item.documentId,
          documentTitle: item.title,
          card: item.card,
          variant: item.variant,
          state: item.schedule.state,
          source: await findCardSource(
            this.#deps.store,
            item.documentId,
            item.title,
            item.card.highlightId,
          ),
          outcomes: scheduler
            .preview(item.schedule, now)
            .map(({ grade, intervalDays }) => ({ grade, intervalDays })),
        })),
      ),
      counts: {
        new: Math.min(newCount, newAllowed),
        learning: dueLearning,
        review: dueReview,
      },
      totals: { cards: cardCount, toStudy },
      nextDue: isEmpty ? nextLater : null,
      asOf: now,
    }
  }

  /** Grades a study item: logged, then applied. */
  async grade(
    documentId: string,
    cardId: string,
    variant: StudyVariant,
    grade: Grade,
  ): Promise<Result<GradeReceipt, Failure>> {
    const item = (await this.#items()).find(
      (i) => i.documentId === documentId && i.card.id === cardId && i.variant === variant,
    )
    if (!item) return fail('not-found', 'That card no longer exists.')
    const now = this.#deps.now()
    const { schedule: after } = this.#scheduler().grade(item.schedule, grade, now)
    const entry: ReviewEntry = {
      id: this.#deps.newId(),
      documentId,
      cardId,
      variant,
      kind: 'review',
      grade,
      reviewedAt: now,
      before: stripItemFields(item.schedule),
      after,
    }
    try {
      await this.#deps.log.append([entry])
    } catch (error) {
      return storageFailure(error, 'your answer')
    }
    const applied = await this.#setSchedule(documentId, item.title, cardId, variant, {
      ...after,
      isSuspended: item.schedule.isSuspended,
      buriedUntil: null,
      lastReviewId: entry.id,
    })
    if (!applied.ok) {
      // Keep both files saying the same: take the log entry back; if even that fails, the next
      // start applies it (the log wins).
      await this.#deps.log.remove(entry.id, entry.reviewedAt).catch(() => null)
      return applied
    }
    return ok({ reviewId: entry.id, reviewedAt: entry.reviewedAt, due: after.due })
  }

  /** Takes back the latest grade of an item. */
  async undo(reviewId: string, reviewedAt: string): Promise<Result<null, Failure>> {
    await this.#reconcile()
    const latest = await this.#deps.log.latestByItem()
    const entry = [...latest.values()].find((e) => e.id === reviewId)
    if (!entry) return fail('not-found', 'That answer can no longer be taken back.')
    const meta = this.#deps.store.library.data.documents.find((doc) => doc.id === entry.documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    try {
      await this.#deps.log.remove(reviewId, reviewedAt)
    } catch (error) {
      return storageFailure(error, 'the undo')
    }
    const previous = (await this.#deps.log.latestByItem()).get(logKey(entry)) ?? null
    const before = entry.before ?? newItemSchedule(entry.reviewedAt)
    return this.#setSchedule(
      entry.documentId,
      meta.title,
      entry.cardId,
      entry.variant as StudyVariant,
      (current) => ({
        ...current,
        ...before,
        lastReviewId: previous?.id ?? null,
      }),
    )
  }

  /** Per document: its cards and how many of their study items are to study now. */
  async studyCounts(): Promise<Map<string, StudyCounts>> {
    const now = this.#deps.now()
    const byDocument = new Map<string, Item[]>()
    for (const item of await this.#items()) {
      const items = byDocument.get(item.documentId)
      if (items) items.push(item)
      else byDocument.set(item.documentId, [item])
    }
    return new Map(
      [...byDocument].map(([documentId, items]) => [
        documentId,
        countStudy(itemsByCard(items).values(), now),
      ]),
    )
  }

  /** Progress: due forecast, review heatmap, true retention, and per document recall. */
  async stats(): Promise<StudyStats> {
    const items = await this.#items()
    return computeStudyStats({
      now: this.#deps.now(),
      items,
      entries: await this.#deps.log.entries(),
      documents: this.#deps.store.library.data.documents.map(({ id, title }) => ({ id, title })),
      scheduler: this.#scheduler(),
      timeZone: this.#deps.timeZone,
    })
  }

  async #setSchedule(
    documentId: string,
    title: string,
    cardId: string,
    variant: StudyVariant,
    next: ItemSchedule | ((current: ItemSchedule) => ItemSchedule),
  ): Promise<Result<null, Failure>> {
    const cards = await this.#deps.store.cards(documentId, title)
    const card = cards.data.cards.find((c) => c.id === cardId)
    if (!card) return fail('not-found', 'That card no longer exists.')
    try {
      await this.#deps.schedules.change(
        documentId,
        title,
        new Map([
          [
            itemKey(cardId, variant),
            (current) =>
              typeof next === 'function' ? next(current ?? newItemSchedule(card.createdAt)) : next,
          ],
        ]),
      )
      return ok(null)
    } catch (error) {
      return storageFailure(error, 'your answer')
    }
  }

  /** Every study item of the library, rebuilt only for documents whose files changed. */
  async #items(): Promise<Item[]> {
    await this.#reconcile()
    const items: Item[] = []
    const listed = new Set<string>()
    for (const [
      documentIndex,
      { id: documentId, title },
    ] of this.#deps.store.library.data.documents.entries()) {
      listed.add(documentId)
      const cards = (await this.#deps.store.cards(documentId, title)).data
      const view = await this.#deps.schedules.view(documentId, title)
      let cached = this.#cache.get(documentId)
      if (cached?.cards !== cards) {
        const cardsByShard = new Map<string, { card: Card; rank: number }[]>()
        for (const [index, card] of cards.cards.entries()) {
          const shard = scheduleShardOf(card.id)
          const list = cardsByShard.get(shard) ?? []
          list.push({ card, rank: documentIndex * 10_000_000 + index })
          cardsByShard.set(shard, list)
        }
        cached = { cards, cardsByShard, shards: new Map() }
        this.#cache.set(documentId, cached)
      }
      for (const [shard, shardCards] of cached.cardsByShard) {
        const stamp = view.stampOf(shard)
        let entry = cached.shards.get(shard)
        if (!entry || entry.stamp !== stamp) {
          entry = {
            stamp,
            items: shardCards.flatMap(({ card, rank }) =>
              variantsOf(card.content).map((variant) => ({
                documentId,
                title,
                card,
                rank,
                variant,
                schedule: view.get(card.id, variant) ?? newItemSchedule(card.createdAt),
              })),
            ),
          }
          cached.shards.set(shard, entry)
        }
        for (const item of entry.items) items.push(item)
      }
    }
    for (const documentId of this.#cache.keys())
      if (!listed.has(documentId)) this.#cache.delete(documentId)
    return items
  }

  /** Once per session: make every schedule agree with the latest log entry of its item. */
  #reconcile(): Promise<void> {
    this.#reconciled ??= (async () => {
      const latest = await this.#deps.log.latestByItem()
      for (const { id: documentId, title } of this.#deps.store.library.data.documents) {
        const cards = (await this.#deps.store.cards(documentId, title)).data.cards
        const view = await this.#deps.schedules.view(documentId, title)
        const changes = new Map<string, ScheduleChange>()
        for (const card of cards) {
          for (const variant of variantsOf(card.content)) {
            const key = itemKey(card.id, variant)
            const entry = latest.get(`${documentId}/${key}`)
            const schedule = view.get(card.id, variant)
            if ((schedule?.lastReviewId ?? null) === (entry?.id ?? null)) continue
            const fresh = entry
              ? { ...entry.after, lastReviewId: entry.id }
              : newItemSchedule(card.createdAt)
            changes.set(key, (current) => ({
              ...fresh,
              isSuspended: current?.isSuspended ?? false,
              buriedUntil: current?.buriedUntil ?? null,
              lastReviewId: fresh.lastReviewId,
            }))
          }
        }
        // A read-only file stays as it is; its items are studied from what it says.
        if (changes.size > 0)
          await this.#deps.schedules.change(documentId, title, changes).catch(() => undefined)
      }
    })()
    return this.#reconciled
  }

  async #newIntroducedToday(now: string): Promise<number> {
    const today = localDay(now, this.#deps.timeZone)
    // Today's local day starts at most 14 hours before its UTC date: read from the day before.
    const since = new Date(Date.parse(now) - 2 * 86_400_000).toISOString()
    const entries = await this.#deps.log.entriesSince(since)
    return new Set(
      entries
        .filter(
          (e) =>
            e.kind === 'review' &&
            e.before?.state === 'new' &&
            localDay(e.reviewedAt, this.#deps.timeZone) === today,
        )
        .map(logKey),
    ).size
  }

  #scheduler(): Scheduler {
    const { desiredRetention, maximumIntervalDays } = this.#deps.settings()
    return new Scheduler({ desiredRetention, maximumIntervalDays, isFuzzEnabled: true })
  }
}

/** ISO times and ids compare as plain strings: faster than localeCompare, and the same order. */
/** Study items grouped by the card (of its document) they belong to, as counting needs them. */
function itemsByCard(items: readonly Item[]): Map<string, { items: ItemSchedule[] }> {
  const byCard = new Map<string, { items: ItemSchedule[] }>()
  for (const item of items) {
    const key = `${item.documentId}\u0000${item.card.id}`
    const entry = byCard.get(key)
    if (entry) entry.items.push(item.schedule)
    else byCard.set(key, { items: [item.schedule] })
  }
  return byCard
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Keeps the `size` smallest of the items offered, by `order`. */
class Smallest<T> {
  readonly #size: number
  readonly #order: (a: T, b: T) => number
  readonly #items: T[] = []

  constructor(size: number, order: (a: T, b: T) => number) {
    this.#size = size
    this.#order = order
  }

  offer(item: T): void {
    if (this.#size === 0) return
    const last = this.#items[this.#items.length - 1]
    if (this.#items.length === this.#size && last !== undefined && this.#order(item, last) >= 0)
      return
    let index = this.#items.length
    while (index > 0 && this.#order(item, this.#items[index - 1]!) < 0) index--
    this.#items.splice(index, 0, item)
    if (this.#items.length > this.#size) this.#items.pop()
  }

  sorted(): T[] {
    return [...this.#items]
  }
}
