import { createHash, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DataStore } from '../store/data-store'
import type { StoreFs } from '../store/store-fs'
import { AlignmentService } from './alignment-service'
import { AnnotationService } from './annotation-service'
import { CardService } from './card-service'
import { PositionService } from './position-service'
import { SearchService } from './search-service'
import { searchInWorker, type SearchWorkerOptions } from '../search/search-backend'
import { applyStudyMaterial, readStudyMaterial } from './study-material'
import { ReviewLog } from './review-log'
import { ReviewService } from './review-service'
import { ScheduleBook } from './schedule-book'
import { importBundledDocuments } from './bundled-documents'
import { LibraryService } from './library-service'
import { reconcileLibrary } from './reconcile-library'
import {
  readInWorker,
  type DocumentReader,
  type ReadWorkerOptions,
} from '../importing/read-off-thread'
import { SettingsService } from './settings-service'
import { LinkService } from './link-service'
import { BackupService } from '../backup/backup-service'
import { ExportService } from '../interchange/export-service'

/** Everything the services need from the process that hosts them. */
export interface ServiceOptions {
  readonly dataDir: string
  readonly resourcesDir: string
  /** The current time; tests pass a fixed clock. */
  readonly now?: () => Date
  /** File operations; tests inject faults here. */
  readonly fs?: StoreFs
  /**
   * Whether bundled documents get their bundled positions and starter deck on first start
   * (default true). Tests of other features start without them, as a reader who deleted them.
   */
  readonly seedStudyMaterial?: boolean
  /** Parse imported files in this worker (the app and the command line); else on this thread. */
  readonly importWorker?: ReadWorkerOptions
  /**
   * Build, keep and search the index in this worker; by default the one built beside the import
   * worker (the app and the command line), else on this thread (tests).
   */
  readonly searchWorker?: SearchWorkerOptions
  /** Parse imported files with this reader instead (tests whose loader cannot load it lazily). */
  readonly readDocument?: DocumentReader
  /** The reader's time zone for counting calendar days; the machine's when absent (tests pass one). */
  readonly timeZone?: string
}

/** The main-process services, built once over one data dir. */
export interface Services {
  /** The services' clock, as an ISO time. */
  readonly now: () => string
  readonly store: DataStore
  readonly library: LibraryService
  readonly settings: SettingsService
  readonly annotations: AnnotationService
  readonly cards: CardService
  readonly schedules: ScheduleBook
  readonly reviews: ReviewService
  readonly positions: PositionService
  readonly search: SearchService
  readonly alignments: AlignmentService
  readonly exports: ExportService
  readonly backups: BackupService
  readonly links: LinkService
  /**
   * Shuts the services down: the search index's pending save is written and its worker stopped,
   * then the store folds its journals into their files and releases the library's lock. Every
   * host calls it before its process ends (the app on quit, the command line, tests); calling it
   * again waits for the same close.
   */
  readonly close: () => Promise<void>
}

/**
 * Builds the services over a data dir, with no Electron involved: the app, the command line
 * and the end-to-end tests all start here.
 */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const clock = options.now ?? (() => new Date())
  const now = () => clock().toISOString()
  const store = await DataStore.open({
    dataDir: options.dataDir,
    now,
    ...(options.fs ? { fs: options.fs } : {}),
  })
  const newId = () => randomUUID()
  const searchWorker = options.searchWorker ?? builtSearchWorker(options.importWorker)
  const search = new SearchService({
    store,
    dataDir: options.dataDir,
    ...(searchWorker ? { backend: searchInWorker(searchWorker) } : {}),
  })
  const library = new LibraryService({
    store,
    now,
    newId,
    // The index is built as documents come and go, off the main thread, not at the first search.
    onDocumentsChanged: () => search.noteLibraryChanged(),
    hashText: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    ...(options.importWorker ? { readDocument: readInWorker(options.importWorker) } : {}),
    ...(options.readDocument ? { readDocument: options.readDocument } : {}),
  })
  const settings = new SettingsService(store)
  const annotations = new AnnotationService({ store, now, newId })
  const log = new ReviewLog(store)
  const schedules = new ScheduleBook(store)
  const cards = new CardService({ store, schedules, log, now, newId })
  const reviews = new ReviewService({
    store,
    schedules,
    log,
    now,
    newId,
    settings: () => settings.get(),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  })
  const positions = new PositionService({ store, annotations, cards, now })
  // Folders and library.json agree before anything else reads them; no folder is ever dropped.
  for (const notice of await reconcileLibrary(store)) store.report(notice)
  // A library another Lectern holds is read as it is: the holder adds what is bundled.
  if (!store.isReadOnly)
    await importBundledDocuments({ resourcesDir: options.resourcesDir, store, library })
  const seeds = options.seedStudyMaterial === false || store.isReadOnly
  for (const { id } of seeds ? [] : store.library.data.documents) {
    const material = await readStudyMaterial(options.resourcesDir, id)
    if (material) await applyStudyMaterial({ store, annotations, positions, cards, material })
  }
  const alignments = new AlignmentService(store, library)
  const exports = new ExportService({ library, annotations, cards, settings, now: clock })
  const backups = new BackupService(options.dataDir, now)
  const links = new LinkService(library, annotations)
  let closing: Promise<void> | null = null
  const close = () =>
    (closing ??= (async () => {
      // Search first: what it still has to index it reads through the store.
      await search.close().catch(() => undefined)
      await store.close()
    })())
  return {
    now,
    store,
    library,
    settings,
    annotations,
    cards,
    schedules,
    reviews,
    positions,
    search,
    alignments,
    exports,
    backups,
    links,
    close,
  }
}

/**
 * The search worker the build puts beside the import worker (electron.vite.config.ts), if there
 * is one. Not found from this module's own folder: the build moves this code into a shared chunk.
 */
function builtSearchWorker(
  importWorker: ReadWorkerOptions | undefined,
): SearchWorkerOptions | null {
  if (!importWorker) return null
  const path = join(dirname(importWorker.path), 'searchWorker.js')
  return existsSync(path) ? { path } : null
}
