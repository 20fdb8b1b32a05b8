import { ok, type Result } from '../../shared/ipc/result'
import type { Settings } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import { storageFailure } from './storage-failure'

/** Reads and changes the reader's preferences, stored in library.json. */
export class SettingsService {
  readonly #store: DataStore

  constructor(store: DataStore) {
    this.#store = store
  }

  /** The current preferences. */
  get(): Settings {
    return this.#store.library.data.settings
  }

  /** Changes some preferences; they are durable when this resolves. */
  async update(
    changes: Partial<Settings>,
  ): Promise<Result<Settings, 'storage-failed' | 'read-only'>> {
    try {
      const library = await this.#store.library.update((draft) => {
        draft.settings = { ...draft.settings, ...changes }
      })
      return ok(library.settings)
    } catch (error) {
      return storageFailure(error, 'your settings')
    }
  }
}
