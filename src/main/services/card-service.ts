import { itemKey, problemWithCard, variantsOf } from '../../shared/domain/cards/variants'
import { Scheduler } from '../../shared/domain/scheduling'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { Card, CardContent, CardWithStatus, StudyVariant } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import type { CardsFile, ItemSchedule, ReviewEntry } from '../store/schema'
import type { ReviewLog } from './review-log'
import { applyChange } from './apply-change'
import { storageFailure } from './storage-failure'

/** What the card service needs, passed in by the composition root. */
export interface CardServiceDeps {
  readonly store: DataStore
  readonly log: ReviewLog
  readonly now: () => string
  readonly newId: () => string
}

type Failure = 'not-found' | 'invalid-card' | 'storage-failed' | 'read-only'

/** A study item that has never been reviewed. */
export function newItemSchedule(now: string): ItemSchedule {
  return {
    ...Scheduler.newSchedule(now),
    isSuspended: false,
    buriedUntil: null,
    lastReviewId: null,
  }
}

/** Flashcards of a document: made (usually from a highlight), edited, suspended, reset, deleted. */
export class CardService {
  readonly #deps: CardServiceDeps

  constructor(deps: CardServiceDeps) {
    this.#deps = deps
  }

  /** A document's cards with the status of each study item. */
  async list(documentId: string): Promise<Result<CardWithStatus[], Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    return ok(
      file.value.data.cards.map((card) => ({
        card,
        items: variantsOf(card.content).flatMap((variant) => {
          const schedule = file.value.data.schedules[itemKey(card.id, variant)]
          return schedule
            ? [
                {
                  variant,
                  state: schedule.state,
                  due: schedule.due,
                  isSuspended: schedule.isSuspended,
                  buriedUntil: schedule.buriedUntil,
                },
              ]
            : []
        }),
      })),
    )
  }

  /** Makes a card with a new id; each of its study items starts new. */
  create(
    documentId: string,
    highlightId: string | null,
    content: CardContent,
  ): Promise<Result<Card, Failure>> {
    return this.upsert(documentId, this.#deps.newId(), highlightId, content)
  }

  /**
   * Makes the card with this id, or rewords it if it exists: generated cards (bundled study
   * material, cards from positions) update instead of duplicating when made again.
   */
  async upsert(
    documentId: string,
    cardId: string,
    highlightId: string | null,
    content: CardContent,
  ): Promise<Result<Card, Failure>> {
    const problem = problemWithCard(content)
    if (problem) return fail('invalid-card', problem)
    const now = this.#deps.now()
    return this.#change(documentId, 'the card', (draft) => {
      const index = draft.cards.findIndex((card) => card.id === cardId)
      const existing = draft.cards[index]
      const card: Card = existing
        ? { ...existing, highlightId, content, updatedAt: now }
        : { id: cardId, documentId, highlightId, content, createdAt: now, updatedAt: now }
      if (existing) draft.cards[index] = card
      else draft.cards.push(card)
      syncSchedules(draft, card, now)
      return card
    })
  }

  /**
   * Makes or rewords many cards in one durable write (an Anki import): each keeps its id, so
   * importing the same file again updates instead of duplicating. Resolves to how many were new.
   */
  async upsertMany(
    documentId: string,
    cards: readonly { readonly id: string; readonly content: CardContent }[],
  ): Promise<Result<{ created: number; updated: number }, Failure>> {
    const invalid = cards.map((card) => problemWithCard(card.content)).find(Boolean)
    if (invalid) return fail('invalid-card', invalid)
    const now = this.#deps.now()
    return this.#change(documentId, 'the imported cards', (draft) => {
      const indexById = new Map(draft.cards.map((card, index) => [card.id, index]))
      let created = 0
      for (const { id, content } of cards) {
        const index = indexById.get(id)
        const existing = index === undefined ? undefined : draft.cards[index]
        const card: Card = existing
          ? { ...existing, content, updatedAt: now }
          : { id, documentId, highlightId: null, content, createdAt: now, updatedAt: now }
        if (existing && index !== undefined) draft.cards[index] = card
        else {
          indexById.set(id, draft.cards.length)
          draft.cards.push(card)
          created++
        }
        syncSchedules(draft, card, now)
      }
      return { created, updated: cards.length - created }
    })
  }

  /** Rewords a card. Items that still exist keep their schedules; new cloze numbers start new. */
  async update(
    documentId: string,
    cardId: string,
    content: CardContent,
  ): Promise<Result<Card, Failure>> {
    const problem = problemWithCard(content)
    if (problem) return fail('invalid-card', problem)
    const now = this.#deps.now()
    return this.#change(documentId, 'your change to the card', (draft) => {
      const index = draft.cards.findIndex((card) => card.id === cardId)
      const current = draft.cards[index]
      if (!current) return null
      const updated: Card = { ...current, content, updatedAt: now }
      draft.cards[index] = updated
      syncSchedules(draft, updated, now)
      return updated
    })
  }

  /** Deletes a card and its schedules; its review history stays in the log. */
  async remove(documentId: string, cardId: string): Promise<Result<null, Failure>> {
    const result = await this.#change(documentId, 'the deletion', (draft) => {
      if (!draft.cards.some((card) => card.id === cardId)) return null
      draft.cards = draft.cards.filter((card) => card.id !== cardId)
      for (const key of Object.keys(draft.schedules))
        if (key.startsWith(`${cardId}:`)) delete draft.schedules[key]
      return cardId
    })
    return result.ok ? ok(null) : result
  }

  /** Suspends or unsuspends a study item: a suspended item never comes due. */
  setSuspended(
    documentId: string,
    cardId: string,
    variant: StudyVariant,
    isSuspended: boolean,
  ): Promise<Result<null, Failure>> {
    return this.#changeItem(documentId, cardId, variant, (schedule) => ({
      ...schedule,
      isSuspended,
    }))
  }

  /** Buries a study item until `until` (the start of the next day). */
  bury(
    documentId: string,
    cardId: string,
    variant: StudyVariant,
    until: string,
  ): Promise<Result<null, Failure>> {
    return this.#changeItem(documentId, cardId, variant, (schedule) => ({
      ...schedule,
      buriedUntil: until,
    }))
  }

  /** Forgets a card's progress on purpose: logged as a reset, every item new again. */
  async reset(documentId: string, cardId: string): Promise<Result<null, Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    const card = file.value.data.cards.find((c) => c.id === cardId)
    if (!card) return fail('not-found', 'That card no longer exists.')
    const now = this.#deps.now()
    const entries: ReviewEntry[] = variantsOf(card.content).map((variant) => {
      const before = file.value.data.schedules[itemKey(cardId, variant)]
      return {
        id: this.#deps.newId(),
        documentId,
        cardId,
        variant,
        kind: 'reset',
        grade: null,
        reviewedAt: now,
        before: before ? stripItemFields(before) : null,
        after: Scheduler.newSchedule(now),
      }
    })
    try {
      await this.#deps.log.append(entries)
    } catch (error) {
      return storageFailure(error, 'the reset')
    }
    const result = await this.#change(documentId, 'the reset', (draft) => {
      for (const entry of entries) {
        draft.schedules[itemKey(cardId, entry.variant as StudyVariant)] = {
          ...newItemSchedule(now),
          lastReviewId: entry.id,
        }
      }
      return cardId
    })
    return result.ok ? ok(null) : result
  }

  async #changeItem(
    documentId: string,
    cardId: string,
    variant: StudyVariant,
    change: (schedule: ItemSchedule) => ItemSchedule,
  ): Promise<Result<null, Failure>> {
    const result = await this.#change(documentId, 'that', (draft) => {
      const key = itemKey(cardId, variant)
      const schedule = draft.schedules[key]
      if (!schedule) return null
      draft.schedules[key] = change(schedule)
      return key
    })
    return result.ok ? ok(null) : result
  }

  async #change<T>(
    documentId: string,
    what: string,
    change: (draft: CardsFile) => T | null,
  ): Promise<Result<T, Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    return applyChange(file.value, change, what, 'That card no longer exists.')
  }

  async #file(documentId: string) {
    const meta = this.#deps.store.library.data.documents.find((doc) => doc.id === documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    return ok(await this.#deps.store.cards(documentId, meta.title))
  }
}

/** Items that still exist keep their schedules; new ones (a new cloze number) start new. */
function syncSchedules(draft: CardsFile, card: Card, now: string): void {
  const keep = new Set(variantsOf(card.content).map((variant) => itemKey(card.id, variant)))
  for (const key of Object.keys(draft.schedules))
    if (key.startsWith(`${card.id}:`) && !keep.has(key)) delete draft.schedules[key]
  for (const key of keep) draft.schedules[key] ??= newItemSchedule(now)
}

/** The FSRS part of an item's schedule, as the log stores it. */
export function stripItemFields(
  schedule: ItemSchedule,
): Omit<ItemSchedule, 'isSuspended' | 'buriedUntil' | 'lastReviewId'> {
  const { isSuspended, buriedUntil, lastReviewId, ...rest } = schedule
  return rest
}
