import { Low } from 'lowdb'
import { wasReplaced, type DurableJsonAdapter } from './durable-json-adapter'

/** Thrown when a change is attempted on a file that is open read-only. */
export class ReadOnlyStoreError extends Error {
  constructor(label: string, reason: ReadOnlyReason = 'newer') {
    super(
      reason === 'newer'
        ? `${label} was written by a newer version of Lectern and is open read-only.`
        : `${label} is open in another Lectern, so this one only reads it. Close the other one to make changes here.`,
    )
    this.name = 'ReadOnlyStoreError'
  }
}

/** Why a file is read-only: written by a newer Lectern, or the library is in use elsewhere. */
export type ReadOnlyReason = 'newer' | 'in-use'

/** Copies the file on disk to the backups; resolves to null when there is no file yet. */
export type BackUp = () => Promise<string | null>

/**
 * One data file held in memory through lowdb. Changes are applied to a copy, made durable, and
 * only then become the file's data: after a failed write the app still holds what is on disk.
 * Changes run one at a time, so concurrent requests never lose each other's writes.
 */
export class StoredFile<T> {
  readonly label: string
  readonly isReadOnly: boolean
  readonly #readOnlyReason: ReadOnlyReason
  readonly #db: Low<T>
  readonly #adapter: DurableJsonAdapter<T>
  #backUp: BackUp | null
  #queue: Promise<unknown> = Promise.resolve()

  constructor(options: {
    label: string
    adapter: DurableJsonAdapter<T>
    data: T
    isReadOnly: boolean
    readOnlyReason?: ReadOnlyReason
    /** Keeps a copy of the last good file before the session's first write (or of a new one). */
    backUp: BackUp
  }) {
    this.label = options.label
    this.isReadOnly = options.isReadOnly
    this.#readOnlyReason = options.readOnlyReason ?? 'newer'
    this.#adapter = options.adapter
    this.#db = new Low(options.adapter, options.data)
    this.#db.data = options.data
    this.#backUp = options.backUp
  }

  /** The file's current, acknowledged content. Treat as immutable. */
  get data(): T {
    return this.#db.data
  }

  /** Applies `change` to a copy of the data, writes it durably, then adopts it. */
  update(change: (draft: T) => T | void): Promise<T> {
    const run = this.#queue.then(async () => {
      if (this.isReadOnly) throw new ReadOnlyStoreError(this.label, this.#readOnlyReason)
      const draft = structuredClone(this.#db.data)
      const next = change(draft) ?? draft
      const backUp = this.#backUp
      const isNewFile = backUp !== null && (await backUp()) === null
      try {
        await this.#adapter.write(next)
      } catch (error) {
        // The file may already hold the new content (only the folder's fsync failed): put the
        // old content back, so the disk says what the reader is told — nothing changed.
        if (wasReplaced(error)) await this.#adapter.write(this.#db.data).catch(() => undefined)
        throw error
      }
      this.#db.data = next
      this.#backUp = null
      // A file's first version is backed up too, so a damaged file always has a copy to return
      // to. The write itself has succeeded, so a failed copy here does not fail it.
      if (isNewFile) await backUp?.().catch(() => null)
      return next
    })
    this.#queue = run.catch(() => undefined)
    return run
  }
}
