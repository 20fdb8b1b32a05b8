import { itemKey, variantsOf } from '../../shared/domain/cards/variants'
import type { Card, StudyVariant } from '../../shared/model'
import { scheduleShardOf, type DataStore } from '../store/data-store'
import type { ItemSchedule, ScheduleShardFile } from '../store/schema'
import type { StoredFile } from '../store/stored-file'
import { newItemSchedule } from './new-item-schedule'

/** The schedules of one document as they are now (reads go to the live shard files). */
export interface ScheduleView {
  get(cardId: string, variant: StudyVariant): ItemSchedule | undefined
  /** Every stored schedule, keyed `${cardId}:${variant}`. */
  entries(): Iterable<[string, ItemSchedule]>
  /** The keys stored for one card (its shard only is read). */
  keysOfCard(cardId: string): string[]
  /** An object that changes whenever the shard is written (undefined: no such shard yet). */
  stampOf(shard: string): object | undefined
}

/** A change to one study item's schedule: the new schedule, or null to remove it. */
export type ScheduleChange = (current: ItemSchedule | undefined) => ItemSchedule | null

/**
 * The study schedules of every document, kept in shard files by card id (`scheduleShardOf`):
 * grading one card rewrites one small shard. Each shard write is durable before it resolves;
 * a change that spans shards writes them one after another.
 */
export class ScheduleBook {
  readonly #store: DataStore

  constructor(store: DataStore) {
    this.#store = store
  }

  /** The document's schedules, reading its shards. */
  async view(documentId: string, title: string): Promise<ScheduleView> {
    const shards = new Map<string, StoredFile<ScheduleShardFile>>()
    for (const shard of await this.#store.scheduleShards(documentId))
      shards.set(shard, await this.#store.scheduleShard(documentId, title, shard))
    return {
      get: (cardId, variant) =>
        shards.get(scheduleShardOf(cardId))?.data.schedules[itemKey(cardId, variant)],
      *entries() {
        for (const file of shards.values()) yield* Object.entries(file.data.schedules)
      },
      keysOfCard: (cardId) =>
        Object.keys(shards.get(scheduleShardOf(cardId))?.data.schedules ?? {}).filter((key) =>
          key.startsWith(`${cardId}:`),
        ),
      stampOf: (shard) => shards.get(shard)?.data,
    }
  }

  /** Applies changes to study items, keyed `${cardId}:${variant}`, one shard write per shard. */
  async change(
    documentId: string,
    title: string,
    changes: ReadonlyMap<string, ScheduleChange>,
  ): Promise<void> {
    const byShard = new Map<string, [string, ScheduleChange][]>()
    for (const [key, change] of changes) {
      const shard = scheduleShardOf(key.slice(0, key.lastIndexOf(':')))
      byShard.set(shard, [...(byShard.get(shard) ?? []), [key, change]])
    }
    for (const [shard, shardChanges] of byShard) {
      const file = await this.#store.scheduleShard(documentId, title, shard)
      const isNoOp = shardChanges.every(
        ([key, change]) => change(file.data.schedules[key]) === file.data.schedules[key],
      )
      if (isNoOp) continue
      await file.update((draft) => {
        for (const [key, change] of shardChanges) {
          const next = change(draft.schedules[key])
          if (next) draft.schedules[key] = next
          else delete draft.schedules[key]
        }
      })
    }
  }

  /**
   * Makes a card's stored schedules match its study items: items that still exist keep their
   * schedules, new ones (a new cloze number) start new, gone ones are removed.
   */
  async sync(
    documentId: string,
    title: string,
    cards: readonly Card[],
    now: string,
  ): Promise<void> {
    const changes = new Map<string, ScheduleChange>()
    const view = await this.view(documentId, title)
    const wanted = new Set(
      cards.flatMap((card) => variantsOf(card.content).map((v) => itemKey(card.id, v))),
    )
    for (const key of wanted) changes.set(key, (current) => current ?? newItemSchedule(now))
    for (const card of cards)
      for (const key of view.keysOfCard(card.id)) if (!wanted.has(key)) changes.set(key, () => null)
    await this.change(documentId, title, changes)
  }

  /** Removes every schedule of the given cards. */
  async removeCards(documentId: string, title: string, cardIds: readonly string[]): Promise<void> {
    const view = await this.view(documentId, title)
    const changes = new Map<string, ScheduleChange>()
    for (const cardId of cardIds)
      for (const key of view.keysOfCard(cardId)) changes.set(key, () => null)
    await this.change(documentId, title, changes)
  }
}
