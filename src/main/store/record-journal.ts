import { createHash } from 'node:crypto'
import { dirname } from 'node:path'
import { writeFileDurably } from './durable-json-adapter'
import { hashOf, type RecordChanges } from './checked-json'
import { isPlainObject, type RecordCollection } from './salvage'
import { hasErrorCode, type StoreFs } from './store-fs'

/**
 * A file's journal of record changes, `<file>.journal` beside it: saving one highlight appends
 * one line and fsyncs it, instead of rewriting a file of a thousand highlights. The journal's
 * first line names the file content it builds on (a hash of its bytes); a whole write of the file
 * makes the journal stale, so a journal is replayed only over the very content it was written
 * for. Each line carries a hash of itself: a damaged line costs that change, never its
 * neighbours, and a last line cut off (a crash while appending, never acknowledged) is ignored.
 */
export const journalVersion = 1

/** The journal of a file: `annotations.json` → `annotations.json.journal`. */
export function journalPathOf(path: string): string {
  return `${path}.journal`
}

/** The hash a journal's header names its base by. */
export function baseHashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex')
}

/** One journaled save: records put (whole, as read back) and keys removed, per field. */
export interface JournalEntry {
  readonly seq: number
  readonly put: Readonly<Record<string, readonly unknown[]>>
  readonly removed: Readonly<Record<string, readonly string[]>>
}

/** What a journal holds for one base. */
export interface ReadJournal {
  /** The journal builds on another content of the file (a later whole write superseded it). */
  readonly isStale: boolean
  /** A journal written by a newer Lectern (its version), or null. */
  readonly newerVersion: number | null
  readonly entries: readonly JournalEntry[]
  /** Lines that could not be read, not counting a last line cut off (a save never acknowledged). */
  readonly damaged: number
  /** How many saves the journal held, read or not (its highest save number, or its lines). */
  readonly saves: number
  /** The journal ends with a whole line (not a save cut off), so it can be appended to. */
  readonly endsWhole: boolean
}

function line(json: string): string {
  return `${json}\t${hashOf(json)}\n`
}

function headerLine(baseHash: string): string {
  return line(JSON.stringify({ lecternJournal: journalVersion, base: baseHash }))
}

/** The line of one save, made from the records' JSON the check already made. */
export function entryLine(seq: number, changes: RecordChanges): string {
  const put = Object.entries(changes.put).map(
    ([field, records]) => `${JSON.stringify(field)}:[${records.map((r) => r.json).join(',')}]`,
  )
  return line(
    `{"seq":${seq},"put":{${put.join(',')}},"removed":${JSON.stringify(changes.removed)}}`,
  )
}

/** Parses a journal's text against the hash of the file content it must build on. */
export function readJournal(text: string, baseHash: string): ReadJournal {
  const lines = text.split('\n')
  const isCut = !text.endsWith('\n')
  const parsed = lines.map((raw, index) => {
    if (raw === '' && index === lines.length - 1) return 'end' as const
    const tab = raw.lastIndexOf('\t')
    const json = raw.slice(0, tab)
    if (tab < 0 || String(hashOf(json)) !== raw.slice(tab + 1)) return null
    try {
      const value: unknown = JSON.parse(json)
      return isPlainObject(value) ? value : null
    } catch {
      return null
    }
  })
  const header = parsed[0]
  if (!header || header === 'end')
    return { isStale: true, newerVersion: null, entries: [], damaged: 0, saves: 0, endsWhole: true }
  const version = header['lecternJournal']
  if (typeof version === 'number' && version > journalVersion)
    return {
      isStale: false,
      newerVersion: version,
      entries: [],
      damaged: 0,
      saves: 0,
      endsWhole: true,
    }
  if (header['base'] !== baseHash)
    return { isStale: true, newerVersion: null, entries: [], damaged: 0, saves: 0, endsWhole: true }
  const entries: JournalEntry[] = []
  const seen = new Set<number>()
  let damaged = 0
  let count = 0
  for (const [index, value] of parsed.entries()) {
    if (index === 0 || value === 'end') continue
    // A last line without its newline is a save cut off while appending: never acknowledged.
    if (index === parsed.length - 1 && isCut && value === null) continue
    count++
    // Each line names its own save (a deleted line shifts the rest; they still count).
    const entry = value ? entryOf(value) : null
    if (entry && Number.isInteger(entry.seq) && entry.seq > 0 && !seen.has(entry.seq)) {
      seen.add(entry.seq)
      entries.push(entry)
    } else damaged++
  }
  const saves = Math.max(count, ...seen)
  return { isStale: false, newerVersion: null, entries, damaged, saves, endsWhole: !isCut }
}

function entryOf(value: Record<string, unknown>): JournalEntry | null {
  const { seq, put, removed } = value
  if (typeof seq !== 'number' || !isPlainObject(put) || !isPlainObject(removed)) return null
  const puts: Record<string, unknown[]> = {}
  for (const [field, records] of Object.entries(put)) {
    if (!Array.isArray(records)) return null
    puts[field] = records
  }
  const removals: Record<string, string[]> = {}
  for (const [field, keys] of Object.entries(removed)) {
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === 'string')) return null
    removals[field] = keys as string[]
  }
  return { seq, put: puts, removed: removals }
}

/**
 * The file's data with the journal's saves replayed in order: a removal drops the record, a put
 * replaces it in its place or adds it last. A put its collection's schema refuses is not applied
 * (counted). Returns a new object; `data` is not changed.
 */
export function applyJournal<T>(
  data: T,
  entries: readonly JournalEntry[],
  collections: readonly RecordCollection[],
): { data: T; refused: number } {
  if (!isPlainObject(data)) return { data, refused: 0 }
  const next: Record<string, unknown> = { ...data }
  let refused = 0
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    for (const collection of collections) {
      const { field, key } = collection
      if (!key || collection.shape !== 'array') continue
      const removed = new Set(entry.removed[field] ?? [])
      const puts = entry.put[field] ?? []
      if (removed.size === 0 && puts.length === 0) continue
      const records = (Array.isArray(next[field]) ? (next[field] as unknown[]) : []).filter(
        (record) => !removed.has(key(record) ?? ''),
      )
      for (const put of puts) {
        const parsed = collection.item.safeParse(put)
        const id = parsed.success ? key(parsed.data) : undefined
        if (!parsed.success || id === undefined) {
          refused++
          continue
        }
        const at = records.findIndex((record) => key(record) === id)
        if (at >= 0) records[at] = parsed.data
        else records.push(parsed.data)
      }
      next[field] = records
    }
  }
  return { data: next as T, refused }
}

/**
 * Appends saves to a file's journal, each durable before it resolves. The first save after the
 * file was written whole starts a new journal for that content (written whole, durably). A copy
 * of each line goes to `mirrorPath` (backups/), so no acknowledged change depends on one file.
 */
export class RecordJournal {
  readonly #path: string
  readonly #mirrorPath: string
  readonly #fs: StoreFs
  #baseHash: string
  /** The journal's content on disk as far as this process knows it, to put back after a fault. */
  #text: string
  #isStarted: boolean
  #seq: number
  #lines: number

  constructor(options: {
    path: string
    mirrorPath: string
    fs: StoreFs
    baseHash: string
    /** The journal on disk, read whole, holding this many saves for this very base. */
    continues: { text: string; saves: number } | null
    /** The file on disk lacks saves only memory holds now: the next save writes it whole. */
    mustWriteWholeFirst?: boolean
  }) {
    this.#path = options.path
    this.#mirrorPath = options.mirrorPath
    this.#fs = options.fs
    this.#baseHash = options.baseHash
    this.#isStarted = options.continues !== null
    this.#text = options.continues?.text ?? ''
    this.#seq = options.continues?.saves ?? 0
    this.#lines = options.continues?.saves ?? 0
    this.#mustWriteWhole = options.mustWriteWholeFirst === true || options.baseHash === ''
  }

  #mustWriteWhole: boolean
  #isRefused = false

  /**
   * Whether the next save may be appended: not when the journal has grown long, nor when the file
   * on disk lacks saves (rebuilt on opening, or a journal that must not be overwritten yet).
   */
  get acceptsAppends(): boolean {
    return !this.#mustWriteWhole && !this.#isRefused && this.#lines < maxJournalLines
  }

  /** Whether the file on disk lacks saves: journaled ones, or ones only memory holds. */
  get hasSaves(): boolean {
    return this.#lines > 0 || this.#mustWriteWhole
  }

  /**
   * Appends one save durably. When the disk fails part-way, the journal is put back as it was,
   * so the disk says what the reader is told (nothing changed); the file is written whole next.
   */
  async append(changes: RecordChanges): Promise<void> {
    if (!hasChangesIn(changes)) return
    const entry = entryLine(this.#seq + 1, changes)
    const isFresh = !this.#isStarted
    const text = isFresh ? headerLine(this.#baseHash) + entry : this.#text + entry
    try {
      if (isFresh) await writeFileDurably(this.#fs, this.#path, text)
      else {
        const handle = await this.#fs.open(this.#path, 'a')
        try {
          await handle.writeFile(entry)
          await handle.sync()
        } finally {
          await handle.close()
        }
      }
    } catch (error) {
      // For the rest of the session saves are written whole: a disk that refused the journal
      // once (or a folder standing in its place) is not asked again.
      this.#isRefused = true
      await this.#putBack()
      throw error
    }
    await this.#mirror(isFresh ? text : entry, isFresh ? 'w' : 'a')
    this.#text = text
    this.#isStarted = true
    this.#seq++
    this.#lines++
  }

  /** After a fault: the journal as it was (a stale or no journal is harmless: never replayed). */
  async #putBack(): Promise<void> {
    if (this.#text === '') await this.#fs.unlink(this.#path).catch(() => undefined)
    else await writeFileDurably(this.#fs, this.#path, this.#text).catch(() => undefined)
  }

  /** The file was written whole with this content: the journal on disk is stale from now on. */
  rebase(text: string): void {
    this.#baseHash = baseHashOf(text)
    this.#isStarted = false
    this.#lines = 0
    this.#seq = 0
    this.#mustWriteWhole = false
    // What is on disk is now stale, never replayed: a fault later need not put it back.
    this.#text = ''
  }

  /** The copy in backups/: never fsynced, never fatal; a failed copy is removed, not trusted. */
  async #mirror(text: string, flags: 'w' | 'a'): Promise<void> {
    try {
      if (flags === 'w') await this.#fs.mkdir(dirname(this.#mirrorPath), { recursive: true })
      const handle = await this.#fs.open(this.#mirrorPath, flags, 0o600)
      try {
        await handle.writeFile(text)
      } finally {
        await handle.close()
      }
    } catch (error) {
      if (!hasErrorCode(error, 'ENOENT')) await this.#fs.unlink(this.#mirrorPath).catch(() => {})
    }
  }
}

/** After this many journaled saves the next save writes the file whole, and the journal restarts. */
export const maxJournalLines = 500

/** Whether a save puts or removes anything. */
export function hasChangesIn(changes: RecordChanges): boolean {
  return Object.keys(changes.put).length > 0 || Object.keys(changes.removed).length > 0
}
