import { join } from 'node:path'
import type { Notice } from '../../shared/model'
import { Backups, fileStamp } from './backups'
import { DurableJsonAdapter, writeFileDurably } from './durable-json-adapter'
import { openStoredFile, type OpenContext } from './open-stored-file'
import type {
  ScheduleShardFile,
  AlignmentFile,
  AnnotationsFile,
  CardsFile,
  PositionsFile,
  ReviewsFile,
  ContentFile,
  DocumentFile,
  LibraryFile,
} from './schema'
import {
  alignmentKind,
  annotationsKind,
  cardsKind,
  contentKind,
  documentKind,
  libraryKind,
  positionsKind,
  reviewsKind,
  scheduleShardKind,
  specOf,
  type FileKind,
} from './file-kinds'
import { realFs, type StoreFs } from './store-fs'
import { ReadOnlyStoreError, UnsavableValueError, type StoredFile } from './stored-file'
import { interpretFile } from './interpret-file'
import { readTextIfPresent } from './recover-file'
import { currentSchemaVersion } from './schema'
import { claimLibrary } from './library-lock'
import type { ItemSchedule } from './schema'
import { scheduleShardOf } from './schedule-shards'
import {
  assertDocumentId,
  cached,
  documentIdPattern,
  openWithDefaults,
  removeStaleTempFiles,
} from './store-files'

/** Pictures are stored under a content hash with a raster image extension (never SVG: it can run script). */
export const assetNamePattern = /^[0-9a-f]{16}\.(?:png|jpe?g|gif|webp)$/

export { documentIdPattern } from './store-files'
export { scheduleShardCount, scheduleShardOf } from './schedule-shards'

/** What the store needs from outside. */
export interface DataStoreOptions {
  readonly dataDir: string
  /** The current time as an ISO string. */
  readonly now: () => string
  readonly fs?: StoreFs
}

/**
 * The data dir: a small library index plus one folder of files per document (guide §2). Each
 * file has one writer, this object, which hands out one StoredFile per path.
 */
export class DataStore {
  readonly library: StoredFile<LibraryFile>
  readonly #context: OpenContext
  readonly #notices: Notice[]
  readonly #contents = new Map<string, Promise<StoredFile<ContentFile> | null>>()
  readonly #annotations = new Map<string, Promise<StoredFile<AnnotationsFile>>>()
  readonly #cards = new Map<string, Promise<StoredFile<CardsFile>>>()
  readonly #reviews = new Map<string, Promise<StoredFile<ReviewsFile>>>()
  readonly #schedules = new Map<string, Promise<StoredFile<ScheduleShardFile>>>()
  /** Documents whose schedules folder was listed; later shards are added as they are opened. */
  readonly #listedSchedules = new Set<string>()
  readonly #positions = new Map<string, Promise<StoredFile<PositionsFile>>>()
  readonly #alignments = new Map<string, Promise<StoredFile<AlignmentFile>>>()

  readonly #release: () => Promise<void>

  private constructor(
    library: StoredFile<LibraryFile>,
    context: OpenContext,
    notices: Notice[],
    release: () => Promise<void>,
  ) {
    this.library = library
    this.#context = context
    this.#notices = notices
    this.#release = release
  }

  /** Opens (or creates) the data dir, recovering damaged files and removing stale temp files. */
  static async open(options: DataStoreOptions): Promise<DataStore> {
    const writableFs = options.fs ?? realFs
    await writableFs.mkdir(options.dataDir, { recursive: true })
    const { fs, inUseElsewhere, readOnlyCause, notice, release } = await claimLibrary(
      writableFs,
      options.dataDir,
    )
    const notices: Notice[] = notice ? [notice] : []
    // Only the holder of the lock writes: another Lectern's temp files may be in flight.
    if (!inUseElsewhere) await removeStaleTempFiles(fs, options.dataDir)
    const context: OpenContext = {
      dataDir: options.dataDir,
      fs,
      backups: new Backups(options.dataDir, fs),
      now: options.now,
      report: (notice) => notices.push(notice),
      inUseElsewhere,
      readOnlyCause,
    }
    const library = await openStoredFile(specOf(libraryKind, [], libraryKind.label), context)
    if (!library) throw new Error('library.json always has defaults')
    return new DataStore(library, context, notices, release)
  }

  /** True when another Lectern holds this library: this store reads and never writes. */
  get isReadOnly(): boolean {
    return this.#context.inUseElsewhere === true
  }

  /**
   * Lets another process write to the library: call when the app or command is done. Journaled
   * saves are first written into their files, so a library at rest is plain JSON files (a
   * failure here loses nothing: the journals stay and are replayed at the next start).
   */
  async close(): Promise<void> {
    await this.foldJournals()
    return this.#release()
  }

  /** Writes every open file that has journaled saves whole (record-journal.ts). */
  async foldJournals(): Promise<void> {
    if (this.isReadOnly) return
    const open = await Promise.all(
      [this.#annotations, this.#cards, this.#reviews].flatMap((files) =>
        [...files.values()].map((file) => file.catch(() => null)),
      ),
    )
    for (const file of [this.library, ...open])
      if (file?.hasJournaledSaves) await file.compact().catch(() => undefined)
  }

  /** Messages about recoveries and read-only files since the store was opened. */
  get notices(): readonly Notice[] {
    return this.#notices
  }

  /** What earlier repairs could not bring back and no check has reported yet (told once). */
  takeUntoldLosses(): Promise<{ at: string; message: string }[]> {
    return this.isReadOnly ? Promise.resolve([]) : this.#context.backups.takeUntoldLosses()
  }

  /** Adds a message for the reader about the library as opened (services repair at start too). */
  report(notice: Notice): void {
    this.#notices.push(notice)
  }

  /** The text file of a document, or null when it is missing and could not be recovered. */
  content(documentId: string, title: string): Promise<StoredFile<ContentFile> | null> {
    assertDocumentId(documentId)
    return cached(this.#contents, documentId, () =>
      openStoredFile(specOf(contentKind, [documentId], `the text of “${title}”`), this.#context),
    )
  }

  /** The highlights and notes of a document; an empty file for a document without any. */
  annotations(documentId: string, title: string): Promise<StoredFile<AnnotationsFile>> {
    assertDocumentId(documentId)
    return cached(this.#annotations, documentId, () =>
      openWithDefaults(
        this.#context,
        specOf(annotationsKind, [documentId], `the highlights and notes of “${title}”`),
      ),
    )
  }

  /**
   * The cards of a document (their schedules are in `scheduleShard`). A schema-1 file's
   * schedules are moved to the shards first: shards written, then the cards file without them,
   * so a crash in between only repeats the move.
   */
  cards(documentId: string, title: string): Promise<StoredFile<CardsFile>> {
    assertDocumentId(documentId)
    return cached(this.#cards, documentId, async () => {
      const file = await this.#openCards(documentId, title)
      const legacy = file.data.schedules
      if (!legacy || file.isReadOnly) return file
      const byShard = new Map<string, [string, ItemSchedule][]>()
      for (const [key, schedule] of Object.entries(legacy)) {
        const shard = scheduleShardOf(key.slice(0, key.lastIndexOf(':')))
        byShard.set(shard, [...(byShard.get(shard) ?? []), [key, schedule]])
      }
      for (const [shard, entries] of byShard) {
        const shardFile = await this.scheduleShard(documentId, title, shard)
        await shardFile.update((draft) => {
          for (const [key, schedule] of entries) draft.schedules[key] ??= schedule
        })
      }
      await file.update((draft) => {
        delete draft.schedules
      })
      return file
    })
  }

  /** One shard of a document's schedules: the cards whose id hashes to `shard` ("00"–"1f"). */
  scheduleShard(
    documentId: string,
    title: string,
    shard: string,
  ): Promise<StoredFile<ScheduleShardFile>> {
    assertDocumentId(documentId)
    if (!/^[0-9a-f]{2}$/.test(shard)) throw new Error(`Invalid schedule shard: ${shard}`)
    return cached(this.#schedules, `${documentId}/${shard}`, () =>
      openWithDefaults(
        this.#context,
        specOf(scheduleShardKind, [documentId, shard], `the study schedule of “${title}”`),
      ),
    )
  }

  /** The shards of a document's schedules that exist (on disk or opened since), sorted. */
  async scheduleShards(documentId: string): Promise<string[]> {
    assertDocumentId(documentId)
    if (!this.#listedSchedules.has(documentId)) {
      const names = await this.#namesIn('documents', documentId, 'schedules')
      this.#listedSchedules.add(documentId)
      for (const name of names) {
        const shard = /^([0-9a-f]{2})\.json$/.exec(name)?.[1]
        // Opening registers the shard; its title only labels messages about it.
        if (shard) void this.scheduleShard(documentId, documentId, shard).catch(() => undefined)
      }
    }
    const prefix = `${documentId}/`
    return [...this.#schedules.keys()]
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length))
      .sort()
  }

  #openCards(documentId: string, title: string): Promise<StoredFile<CardsFile>> {
    return openWithDefaults(
      this.#context,
      specOf(cardsKind, [documentId], `the flashcards of “${title}”`),
    )
  }

  /** The actors and positions of a document. */
  positions(documentId: string, title: string): Promise<StoredFile<PositionsFile>> {
    assertDocumentId(documentId)
    return cached(this.#positions, documentId, () =>
      openWithDefaults(
        this.#context,
        specOf(positionsKind, [documentId], `the key positions of “${title}”`),
      ),
    )
  }

  /** The stored alignment of two documents (empty rows until one is made). */
  alignment(leftId: string, rightId: string): Promise<StoredFile<AlignmentFile>> {
    assertDocumentId(leftId)
    assertDocumentId(rightId)
    return cached(this.#alignments, `${leftId}__${rightId}`, () =>
      openWithDefaults(
        this.#context,
        specOf(alignmentKind, [leftId, rightId], alignmentKind.label),
      ),
    )
  }

  /** Pairs of documents with a stored alignment: editions read side by side before. */
  async alignedPairs(): Promise<[string, string][]> {
    const names = await this.#namesIn('alignments')
    return names.flatMap((name) => {
      const match = /^([a-z0-9-]+)__([a-z0-9-]+)\.json$/.exec(name)
      return match ? [[match[1]!, match[2]!] as [string, string]] : []
    })
  }

  /** The review log of one UTC day ("2026-11-28"), or a schema-1 month file ("2026-11"). */
  reviews(period: string): Promise<StoredFile<ReviewsFile>> {
    const isDay = /^\d{4}-\d{2}-\d{2}$/.test(period)
    if (!isDay && !/^\d{4}-\d{2}$/.test(period)) throw new Error(`Invalid period: ${period}`)
    return cached(this.#reviews, period, () =>
      openWithDefaults(
        this.#context,
        specOf(reviewsKind, [period], `your review history of ${period}`),
      ),
    )
  }

  /** The days (and schema-1 months) that have a review log, oldest first. */
  async reviewPeriods(): Promise<string[]> {
    const names = await this.#namesIn('reviews')
    const onDisk = names.flatMap((name) => /^(\d{4}-\d{2}(?:-\d{2})?)\.json$/.exec(name)?.[1] ?? [])
    return [...new Set([...onDisk, ...this.#reviews.keys()])].sort()
  }

  /** Ids of every document folder on disk, listed or not (for checks and study). */
  async documentFolders(): Promise<string[]> {
    return (await this.#namesIn('documents')).filter((name) => documentIdPattern.test(name))
  }

  /** The names in a folder of the data dir; none when it does not exist (yet). */
  #namesIn(...folder: string[]): Promise<string[]> {
    return this.#context.fs
      .readdir(join(this.#context.dataDir, ...folder))
      .catch(() => [] as string[])
  }

  /**
   * Moves a document's folder into `trash/` (from where `restoreDocumentFolder` brings it back)
   * and forgets its open files. Returns the trash name.
   */
  async trashDocumentFolder(documentId: string): Promise<string> {
    assertDocumentId(documentId)
    const trashName = `${documentId}.${fileStamp(this.#context.now())}`
    await this.#context.fs.mkdir(join(this.#context.dataDir, 'trash'), { recursive: true })
    await this.#context.fs.rename(
      join(this.#context.dataDir, 'documents', documentId),
      join(this.#context.dataDir, 'trash', trashName),
    )
    for (const map of [this.#contents, this.#annotations, this.#cards, this.#positions])
      map.delete(documentId)
    for (const key of [...this.#schedules.keys()])
      if (key.startsWith(`${documentId}/`)) this.#schedules.delete(key)
    this.#listedSchedules.delete(documentId)
    return trashName
  }

  /** Brings a trashed document folder back. */
  async restoreDocumentFolder(documentId: string, trashName: string): Promise<void> {
    assertDocumentId(documentId)
    if (!/^[a-z0-9-]+\.[0-9TZ-]+$/.test(trashName))
      throw new Error(`Invalid trash name: ${trashName}`)
    await this.#context.fs.rename(
      join(this.#context.dataDir, 'trash', trashName),
      join(this.#context.dataDir, 'documents', documentId),
    )
  }

  /** Stores a picture of a document (from an imported book) under its content-hash name. */
  async saveAsset(documentId: string, name: string, bytes: Uint8Array): Promise<void> {
    assertDocumentId(documentId)
    if (!assetNamePattern.test(name)) throw new Error(`Invalid asset name: ${name}`)
    await writeFileDurably(
      this.#context.fs,
      join(this.#context.dataDir, 'documents', documentId, 'assets', name),
      bytes,
    )
  }

  /** A stored picture's bytes, or null when it is missing. */
  async readAsset(documentId: string, name: string): Promise<Uint8Array | null> {
    assertDocumentId(documentId)
    if (!assetNamePattern.test(name)) return null
    return this.#context.fs
      .readFile(join(this.#context.dataDir, 'documents', documentId, 'assets', name))
      .catch(() => null)
  }

  /** Writes a new document's text durably; done before the library lists the document. */
  async createContent(content: ContentFile): Promise<void> {
    assertDocumentId(content.documentId)
    await this.#writeWhole(contentKind, [content.documentId], content)
    this.#contents.delete(content.documentId)
  }

  /**
   * Writes a document's own description into its folder (documents/<id>/document.json), so that
   * the folder alone is enough to list the document again if library.json is lost.
   */
  async saveDocumentFile(document: DocumentFile['document']): Promise<void> {
    assertDocumentId(document.id)
    await this.#writeWhole(documentKind, [document.id], {
      schemaVersion: currentSchemaVersion,
      document,
    })
  }

  /** A document folder's own description, or null when it has none that can be read. */
  async readDocumentFile(documentId: string): Promise<DocumentFile | null> {
    assertDocumentId(documentId)
    const text = await readTextIfPresent(
      this.#context.fs,
      join(this.#context.dataDir, documentKind.path(documentId)),
    ).catch(() => null)
    if (text === null) return null
    const found = interpretFile(text, documentKind.schema)
    // A description of another document (copied by hand, say) describes nothing here.
    return found.kind === 'valid' && found.data.document.id === documentId ? found.data : null
  }

  /**
   * Whether a document's text was written after its description: a new version cut short
   * between the two files. Two stats, so start-up need not read every text.
   */
  async isTextNewerThanDescription(documentId: string): Promise<boolean> {
    assertDocumentId(documentId)
    const folder = join(this.#context.dataDir, 'documents', documentId)
    const [text, description] = await Promise.all(
      ['content.json', 'document.json'].map((name) =>
        this.#context.fs.stat(join(folder, name)).catch(() => null),
      ),
    )
    return !!text && (!description || text.mtimeMs > description.mtimeMs)
  }

  /**
   * Replaces a whole file that has no StoredFile open (a new document's text, its description):
   * checked against its schema, written durably, then copied like every other save.
   */
  async #writeWhole<T, Args extends readonly string[]>(
    kind: FileKind<T, Args>,
    args: Args,
    data: T,
  ): Promise<void> {
    if (this.isReadOnly) throw new ReadOnlyStoreError('Your library', 'in-use')
    const relPath = kind.path(...args)
    const checked = kind.schema.safeParse(data)
    if (!checked.success)
      throw new UnsavableValueError(
        kind.label,
        checked.error.issues[0]?.message ?? 'it does not fit',
      )
    await new DurableJsonAdapter<T>(join(this.#context.dataDir, relPath), this.#context.fs).write(
      checked.data,
    )
    await this.#context.backups.saveLatest(relPath, JSON.stringify(checked.data))
    await this.#context.backups.save(relPath, this.#context.now()).catch(() => null)
  }
}
