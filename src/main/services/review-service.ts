import { itemKey, variantsOf } from '../../shared/domain/cards/variants'
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
import type { DataStore } from '../store/data-store'
import type { ItemSchedule, ReviewEntry } from '../store/schema'
import { applyChange } from './apply-change'
import { newItemSchedule, stripItemFields } from './card-service'
import { localDay } from './local-day'
import { logKey, monthOf, type ReviewLog } from './review-log'
import { findCardSource } from './card-source'
import { storageFailure } from './storage-failure'
import { computeStudyStats } from './study-stats'

/** What the review service needs, passed in by the composition root. */
export interface ReviewServiceDeps {
  readonly store: DataStore
  readonly log: ReviewLog
  readonly now: () => string
  readonly newId: () => string
  readonly settings: () => Settings
}

/** One study item with everything the queue needs to know about it. */
interface Item {
  readonly documentId: string
  readonly title: string
  readonly card: Card
  readonly variant: StudyVariant
  readonly schedule: ItemSchedule
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

  constructor(deps: ReviewServiceDeps) {
    this.#deps = deps
  }

  /** The next items to review and how many are left. */
  async queue(limit = 2): Promise<StudyQueue> {
    const now = this.#deps.now()
    const items = (await this.#items()).filter(
      (item) =>
        !item.schedule.isSuspended &&
        !(item.schedule.buriedUntil && item.schedule.buriedUntil > now),
    )
    const due = items
      .filter((item) => item.schedule.state !== 'new' && item.schedule.due <= now)
      .sort((a, b) => a.schedule.due.localeCompare(b.schedule.due))
    const newToday = await this.#newIntroducedToday(now)
    const fresh = items
      .filter((item) => item.schedule.state === 'new')
      .sort(
        (a, b) =>
          a.card.createdAt.localeCompare(b.card.createdAt) || a.variant.localeCompare(b.variant),
      )
      .slice(0, Math.max(0, this.#deps.settings().newCardsPerDay - newToday))
    const queue = [...due, ...fresh]
    const later = items
      .filter((item) => item.schedule.state !== 'new' && item.schedule.due > now)
      .map((item) => item.schedule.due)
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
        new: fresh.length,
        learning: due.filter((item) => item.schedule.state !== 'review').length,
        review: due.filter((item) => item.schedule.state === 'review').length,
      },
      nextDue: queue.length > 0 ? null : (later.sort()[0] ?? null),
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
      await this.#deps.log.remove(entry.id, monthOf(entry.reviewedAt)).catch(() => null)
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
      await this.#deps.log.remove(reviewId, monthOf(reviewedAt))
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

  /** How many study items of each document are due now (new ones included). */
  async dueCounts(): Promise<Map<string, number>> {
    const now = this.#deps.now()
    const counts = new Map<string, number>()
    for (const item of await this.#items()) {
      const { schedule } = item
      const isDue =
        !schedule.isSuspended &&
        !(schedule.buriedUntil && schedule.buriedUntil > now) &&
        (schedule.state === 'new' || schedule.due <= now)
      if (isDue) counts.set(item.documentId, (counts.get(item.documentId) ?? 0) + 1)
    }
    return counts
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
    })
  }

  async #setSchedule(
    documentId: string,
    title: string,
    cardId: string,
    variant: StudyVariant,
    next: ItemSchedule | ((current: ItemSchedule) => ItemSchedule),
  ): Promise<Result<null, Failure>> {
    const file = await this.#deps.store.cards(documentId, title)
    const key = itemKey(cardId, variant)
    const result = await applyChange(
      file,
      (draft) => {
        const current = draft.schedules[key]
        if (!current) return null
        draft.schedules[key] = typeof next === 'function' ? next(current) : next
        return key
      },
      'your answer',
      'That card no longer exists.',
    )
    return result.ok ? ok(null) : result
  }

  async #items(): Promise<Item[]> {
    await this.#reconcile()
    const items: Item[] = []
    for (const { id: documentId, title } of this.#deps.store.library.data.documents) {
      const file = await this.#deps.store.cards(documentId, title)
      for (const card of file.data.cards) {
        for (const variant of variantsOf(card.content)) {
          const schedule = file.data.schedules[itemKey(card.id, variant)]
          if (schedule) items.push({ documentId, title, card, variant, schedule })
        }
      }
    }
    return items
  }

  /** Once per session: make every schedule agree with the latest log entry of its item. */
  #reconcile(): Promise<void> {
    this.#reconciled ??= (async () => {
      const latest = await this.#deps.log.latestByItem()
      for (const { id: documentId, title } of this.#deps.store.library.data.documents) {
        const file = await this.#deps.store.cards(documentId, title)
        const stale = Object.entries(file.data.schedules).filter(([key, schedule]) => {
          const entry = latest.get(`${documentId}/${key}`)
          return schedule.lastReviewId !== (entry?.id ?? null)
        })
        if (stale.length === 0 || file.isReadOnly) continue
        await file.update((draft) => {
          for (const [key, schedule] of stale) {
            const entry = latest.get(`${documentId}/${key}`)
            const card = draft.cards.find((c) => key.startsWith(`${c.id}:`))
            const fresh = entry
              ? { ...entry.after, lastReviewId: entry.id }
              : { ...newItemSchedule(card?.createdAt ?? this.#deps.now()) }
            draft.schedules[key] = {
              ...fresh,
              isSuspended: schedule.isSuspended,
              buriedUntil: schedule.buriedUntil,
              lastReviewId: fresh.lastReviewId,
            }
          }
        })
      }
    })()
    return this.#reconciled
  }

  async #newIntroducedToday(now: string): Promise<number> {
    const today = localDay(now)
    const entries = await this.#deps.log.entries()
    return new Set(
      entries
        .filter(
          (e) =>
            e.kind === 'review' && e.before?.state === 'new' && localDay(e.reviewedAt) === today,
        )
        .map(logKey),
    ).size
  }

  #scheduler(): Scheduler {
    const { desiredRetention, maximumIntervalDays } = this.#deps.settings()
    return new Scheduler({ desiredRetention, maximumIntervalDays, isFuzzEnabled: true })
  }
}
