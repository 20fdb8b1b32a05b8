import { Low } from 'lowdb'
import type { z } from 'zod'
import { wasReplaced, type DurableJsonAdapter } from './durable-json-adapter'
import { CheckedJson, deepFreeze, type Checked } from './checked-json'
import { ReaderFacingError } from './reader-facing-error'
import type { RecordJournal } from './record-journal'
import { isPlainObject, type RecordCollection } from './salvage'

/** Thrown when a change is attempted on a file that is open read-only. */
export class ReadOnlyStoreError extends ReaderFacingError {
  constructor(label: string, reason: ReadOnlyReason = 'newer') {
    super(readOnlyMessages[reason](label.charAt(0).toUpperCase() + label.slice(1)))
    this.name = 'ReadOnlyStoreError'
  }
}

/** Why a file is read-only: a newer Lectern wrote it, another holds or the disk refuses the library, or it awaits repair. */
export type ReadOnlyReason = 'newer' | 'in-use' | 'unwritable' | 'unrepaired'

const readOnlyMessages: Record<ReadOnlyReason, (label: string) => string> = {
  newer: (label) => `${label} was written by a newer version of Lectern and is open read-only.`,
  'in-use': (label) =>
    `${label} is open in another Lectern, so this one only reads it. Close the other one to make changes here.`,
  unwritable: (label) =>
    `${label} is in a folder Lectern cannot write to right now (a full or read-only disk, or no permission), so it is open read-only.`,
  unrepaired: (label) =>
    `${label} was damaged and could not be repaired on disk (see the message about it), so it is open read-only. Make room on the disk and start Lectern again.`,
}

/**
 * Thrown when a change would store a value that this file's own schema refuses: it would be
 * acknowledged now and rejected on the next start. Nothing is written.
 */
export class UnsavableValueError extends ReaderFacingError {
  constructor(label: string, detail: string) {
    super(`${label} could not keep this change: ${detail}.`)
    this.name = 'UnsavableValueError'
  }
}

/** Copies the file on disk to the backups; resolves to null when there is no file yet. */
export type BackUp = () => Promise<string | null>

/**
 * One data file held in memory through lowdb. Changes are applied to a draft, checked against the
 * schema that reads the file, made durable, and only then become the file's data: after a failed
 * write the app still holds what is on disk, and nothing is written that the next start would
 * refuse. Changes run one at a time, so concurrent requests never lose each other's writes.
 *
 * Records are frozen once acknowledged, so a draft shares them instead of copying the file: a
 * change replaces a record, never edits it in place. A file with a journal saves a change of a
 * few records as one fsynced line (record-journal.ts); anything else writes the file whole.
 */
export class StoredFile<T> {
  readonly label: string
  readonly isReadOnly: boolean
  readonly #readOnlyReason: ReadOnlyReason
  readonly #db: Low<T>
  readonly #adapter: DurableJsonAdapter<T>
  readonly #checker: CheckedJson<T>
  readonly #saveLatest: (json: string) => Promise<void>
  #backUp: BackUp | null
  #queue: Promise<unknown> = Promise.resolve()
  readonly #recordFields: readonly string[]
  readonly #journal: RecordJournal | null
  /** The next save writes the file whole (asked for by `compact()`). */
  #mustWriteWhole = false

  constructor(options: {
    label: string
    adapter: DurableJsonAdapter<T>
    schema: z.ZodType<T>
    /** The file's records: a save checks only those it did not already hold. */
    records?: readonly RecordCollection[]
    data: T
    isReadOnly: boolean
    readOnlyReason?: ReadOnlyReason
    /** Keeps a copy of the last good file before the session's first write (or of a new one). */
    backUp: BackUp
    /** Keeps a second copy of each acknowledged content. */
    saveLatest: (json: string) => Promise<void>
    /** The file's journal: small changes are appended to it instead of rewriting the file. */
    journal?: RecordJournal | null
  }) {
    this.label = options.label
    this.isReadOnly = options.isReadOnly
    this.#readOnlyReason = options.readOnlyReason ?? 'newer'
    this.#adapter = options.adapter
    this.#checker = new CheckedJson(options.schema, options.records ?? [])
    this.#saveLatest = options.saveLatest
    this.#recordFields = (options.records ?? []).map((collection) => collection.field)
    this.#journal = options.journal ?? null
    freezeRecords(options.data, this.#recordFields)
    this.#db = new Low(options.adapter, options.data)
    this.#db.data = options.data
    this.#backUp = options.backUp
  }

  /** The file's current, acknowledged content. Treat as immutable. */
  get data(): T {
    return this.#db.data
  }

  /** Applies `change` to a copy of the data, checks and writes it durably, then adopts it. */
  update(change: (draft: T) => T | void): Promise<T> {
    const run = this.#queue.then(async () => {
      if (this.isReadOnly) throw new ReadOnlyStoreError(this.label, this.#readOnlyReason)
      const draft = draftOf(this.#db.data, this.#recordFields)
      const checked = this.#checked(change(draft) ?? draft)
      const next = checked.data
      const changes = checked.recordChanges
      if (this.#journal?.acceptsAppends && changes && !this.#mustWriteWhole) {
        // A journal the disk refuses (full, failing, a folder in its place) costs speed, not the
        // save: the file is written whole instead, which makes whatever the journal holds stale.
        const isJournaled = await this.#journal.append(changes).then(
          () => true,
          () => false,
        )
        if (isJournaled) {
          this.#adopt(next)
          return next
        }
      }
      const json = checked.json()
      const backUp = this.#backUp
      // A backup that cannot be taken (backups/ is not a folder, say) never blocks the save itself:
      // the save is what the reader asked for, and the copy of the last save follows it.
      const isNewFile = backUp !== null && (await backUp().catch(() => undefined)) === null
      try {
        await this.#adapter.writeJson(json)
      } catch (error) {
        // The file may already hold the new content (only the folder's fsync failed): put the
        // old content back, so the disk says what the reader is told — nothing changed.
        if (wasReplaced(error)) {
          const old = JSON.stringify(this.#db.data)
          await this.#adapter.writeJson(old).then(
            () => this.#journal?.rebase(old),
            () => undefined,
          )
        }
        throw error
      }
      this.#journal?.rebase(json)
      this.#mustWriteWhole = false
      this.#adopt(next)
      this.#backUp = null
      await this.#saveLatest(json)
      // A file's first version is backed up too, so a damaged file always has a copy to return
      // to. The write itself has succeeded, so a failed copy here does not fail it.
      if (isNewFile) await backUp?.().catch(() => null)
      return next
    })
    this.#queue = run.catch(() => undefined)
    return run
  }

  /** True when saves are in the file's journal (or only in memory), not yet in the file itself. */
  get hasJournaledSaves(): boolean {
    return this.#journal?.hasSaves === true
  }

  /** Writes the file whole now (its journal replayed into it); a no-op for a read-only file. */
  compact(): Promise<T> {
    if (this.isReadOnly) return Promise.resolve(this.data)
    this.#mustWriteWhole = true
    return this.update(() => undefined)
  }

  #adopt(next: T): void {
    this.#db.data = next
    this.#checker.acknowledge()
  }

  /** The value as the next start will read it, and its JSON; or an error naming what does not fit. */
  #checked(value: T): Checked<T> {
    const checked = this.#checker.check(value, this.#db.data)
    if ('where' in checked)
      throw new UnsavableValueError(
        this.label,
        `${checked.message}${checked.where ? ` at ${checked.where}` : ''}`,
      )
    return checked
  }
}

/**
 * A draft to change: the record lists are new arrays holding the acknowledged (frozen) records,
 * everything else is a copy. Copying a file of a thousand highlights took longer than saving one.
 */
function draftOf<T>(data: T, recordFields: readonly string[]): T {
  if (!isPlainObject(data) || recordFields.length === 0) return structuredClone(data)
  const draft: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(data))
    draft[key] =
      recordFields.includes(key) && Array.isArray(value) ? [...value] : structuredClone(value)
  return draft as T
}

function freezeRecords(data: unknown, recordFields: readonly string[]): void {
  if (!isPlainObject(data)) return
  for (const field of recordFields) {
    const records = data[field]
    if (Array.isArray(records)) for (const record of records) deepFreeze(record)
  }
}
