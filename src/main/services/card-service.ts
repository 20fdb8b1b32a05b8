import { itemKey, problemWithCard, variantsOf } from '../../shared/domain/cards/variants'
import { Scheduler } from '../../shared/domain/scheduling'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { Card, CardContent, CardWithStatus, StudyVariant } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import type { CardsFile, ItemSchedule, ReviewEntry } from '../store/schema'
import type { ReviewLog } from './review-log'
import { applyChange } from './apply-change'
import { newItemSchedule, stripItemFields } from './new-item-schedule'
import type { ScheduleBook, ScheduleChange } from './schedule-book'
import { storageFailure } from './storage-failure'

export { newItemSchedule, stripItemFields } from './new-item-schedule'

/** What the card service needs, passed in by the composition root. */
export interface CardServiceDeps {
  readonly store: DataStore
  readonly schedules: ScheduleBook
  readonly log: ReviewLog
  readonly now: () => string
  readonly newId: () => string
}

type Failure = 'not-found' | 'invalid-card' | 'storage-failed' | 'read-only'

/**
 * Flashcards of a document: made (usually from a highlight), edited, suspended, reset, deleted.
 * A card's words are written first, then its schedules; a study item whose schedule is missing
 * (a crash between the two) counts as new, so nothing is lost either way.
 */
export class CardService {
  readonly #deps: CardServiceDeps

  constructor(deps: CardServiceDeps) {
    this.#deps = deps
  }

  /** A document's cards with the status of each study item. */
  async list(documentId: string): Promise<Result<CardWithStatus[], Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    const view = await this.#deps.schedules.view(documentId, file.value.title)
    return ok(
      file.value.file.data.cards.map((card) => ({
        card,
        items: variantsOf(card.content).map((variant) => {
          const schedule = view.get(card.id, variant) ?? newItemSchedule(card.createdAt)
          return {
            variant,
            state: schedule.state,
            due: schedule.due,
            isSuspended: schedule.isSuspended,
            buriedUntil: schedule.buriedUntil,
          }
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
    return this.#changeCards(documentId, 'the card', now, (draft) => {
      const index = draft.cards.findIndex((card) => card.id === cardId)
      const existing = draft.cards[index]
      const card: Card = existing
        ? { ...existing, highlightId, content, updatedAt: now }
        : { id: cardId, documentId, highlightId, content, createdAt: now, updatedAt: now }
      if (existing) draft.cards[index] = card
      else draft.cards.push(card)
      return { value: card, touched: [card] }
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
    return this.#changeCards(documentId, 'the imported cards', now, (draft) => {
      const indexById = new Map(draft.cards.map((card, index) => [card.id, index]))
      const touched: Card[] = []
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
        touched.push(card)
      }
      return { value: { created, updated: cards.length - created }, touched }
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
    return this.#changeCards(documentId, 'your change to the card', now, (draft) => {
      const index = draft.cards.findIndex((card) => card.id === cardId)
      const current = draft.cards[index]
      if (!current) return null
      const updated: Card = { ...current, content, updatedAt: now }
      draft.cards[index] = updated
      return { value: updated, touched: [updated] }
    })
  }

  /** Deletes a card and its schedules; its review history stays in the log. */
  async remove(documentId: string, cardId: string): Promise<Result<null, Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    const result = await applyChange(
      file.value.file,
      (draft) => {
        if (!draft.cards.some((card) => card.id === cardId)) return null
        draft.cards = draft.cards.filter((card) => card.id !== cardId)
        return cardId
      },
      'the deletion',
      'That card no longer exists.',
    )
    if (!result.ok) return result
    // The card is gone; a schedule left behind by a failure here is never read again.
    await this.#deps.schedules
      .removeCards(documentId, file.value.title, [cardId])
      .catch(() => undefined)
    return ok(null)
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
    const card = file.value.file.data.cards.find((c) => c.id === cardId)
    if (!card) return fail('not-found', 'That card no longer exists.')
    const view = await this.#deps.schedules.view(documentId, file.value.title)
    const now = this.#deps.now()
    const entries: ReviewEntry[] = variantsOf(card.content).map((variant) => {
      const before = view.get(cardId, variant)
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
      await this.#deps.schedules.change(
        documentId,
        file.value.title,
        new Map(
          entries.map((entry): [string, ScheduleChange] => [
            itemKey(cardId, entry.variant as StudyVariant),
            () => ({ ...newItemSchedule(now), lastReviewId: entry.id }),
          ]),
        ),
      )
    } catch (error) {
      return storageFailure(error, 'the reset')
    }
    return ok(null)
  }

  async #changeItem(
    documentId: string,
    cardId: string,
    variant: StudyVariant,
    change: (schedule: ItemSchedule) => ItemSchedule,
  ): Promise<Result<null, Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    const card = file.value.file.data.cards.find((c) => c.id === cardId)
    if (!card || !variantsOf(card.content).includes(variant))
      return fail('not-found', 'That card no longer exists.')
    try {
      await this.#deps.schedules.change(
        documentId,
        file.value.title,
        new Map([
          [
            itemKey(cardId, variant),
            (current) => change(current ?? newItemSchedule(card.createdAt)),
          ],
        ]),
      )
      return ok(null)
    } catch (error) {
      return storageFailure(error, 'that')
    }
  }

  /** Changes the cards file, then brings the touched cards' schedules in line. */
  async #changeCards<T>(
    documentId: string,
    what: string,
    now: string,
    change: (draft: CardsFile) => { value: T; touched: Card[] } | null,
  ): Promise<Result<T, Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    const result = await applyChange(file.value.file, change, what, 'That card no longer exists.')
    if (!result.ok) return result
    try {
      await this.#deps.schedules.sync(documentId, file.value.title, result.value.touched, now)
    } catch (error) {
      // The words are saved; the schedules are not. Items without one count as new, so the
      // reader loses nothing, but is told the save was incomplete.
      return storageFailure(error, what)
    }
    return ok(result.value.value)
  }

  async #file(documentId: string) {
    const meta = this.#deps.store.library.data.documents.find((doc) => doc.id === documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    return ok({ file: await this.#deps.store.cards(documentId, meta.title), title: meta.title })
  }
}
