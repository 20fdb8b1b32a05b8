import type { SearchHit } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import type { AnnotationsFile, LibraryFile } from '../store/schema'
import {
  searchOnThisThread,
  type RequestOptions,
  type SearchBackend,
} from '../search/search-backend'
import { annotationEntriesOf } from '../search/search-entries'

/**
 * How long closing waits for the kept index to be written: a 10 MB index takes ~0.3 s, and a
 * book being indexed when the reader quits a few seconds; beyond this the app would seem stuck.
 */
const closeSaveBudgetMs = 10_000

/**
 * Full-text search over every document's text, highlights and notes (MiniSearch: prefix and
 * light fuzzy matching, every word needed). The index is built, kept on disk and searched by a
 * search engine off the main thread (a worker in the app): a document's text is indexed when it
 * is imported or revised, once per revision, and read from the kept index after a restart. This
 * service only tells the engine what changed: the library's documents when the library changed,
 * and a document's highlights and notes when its annotations did.
 */
export class SearchService {
  readonly #store: DataStore
  readonly #dataDir: string
  readonly #backend: SearchBackend
  /** The engine this service has opened and told everything (a new worker has to be told again). */
  #generation = 0
  /** The library as last told to the engine; a new object means it changed. */
  #toldLibrary: LibraryFile | null = null
  /** Each document's annotations as last told; a new object means they changed. */
  readonly #toldAnnotations = new Map<string, AnnotationsFile>()
  #queue: Promise<unknown> = Promise.resolve()

  constructor(deps: { store: DataStore; dataDir: string; backend?: SearchBackend }) {
    this.#store = deps.store
    this.#dataDir = deps.dataDir
    this.#backend = deps.backend ?? searchOnThisThread()
  }

  /** The best hits for a query, best first. */
  async search(query: string, limit = 30): Promise<SearchHit[]> {
    const trimmed = query.trim()
    if (trimmed.length < 2) return []
    const find = async () => {
      await this.#serially(() => this.#refresh(true))
      return this.#backend.request({ type: 'search', query: trimmed, limit })
    }
    // A worker that stopped (out of memory, say) is started afresh, once, before giving up.
    const hits = await this.#backend.hold(find().catch(find))
    const titles = new Map(this.#store.library.data.documents.map((doc) => [doc.id, doc.title]))
    return hits.map((hit) => ({ ...hit, documentTitle: titles.get(hit.documentId) ?? '' }))
  }

  /**
   * Indexes the library's texts now, in the background (in the worker): called when a document
   * was imported, revised or deleted, so that the index is built then and not at the first search.
   */
  noteLibraryChanged(): void {
    // On this thread (tests, a run without the worker) indexing now would only stall the import
    // that called; the next search indexes what it lacks.
    if (!this.#backend.isOffThread) return
    void this.#serially(() => this.#refresh(false, { keepsProcessAlive: false })).catch(
      () => undefined,
    )
  }

  /** Writes the kept index now if it changed (tests and benchmarks; the engine saves by itself). */
  async flush(): Promise<void> {
    await this.#backend.hold(
      this.#serially(() => this.#refresh(false)).then(() =>
        this.#backend.request({ type: 'flush' }),
      ),
    )
  }

  /** Stops the engine (a pending save is dropped: the next start rebuilds what it lacks). */
  dispose(): Promise<void> {
    return this.#backend.dispose()
  }

  /**
   * Writes the kept index if it has changes not yet written (the engine saves a moment after a
   * change; closing would drop that save), then stops the engine. Work already queued (indexing
   * after an import) is finished first. An engine never opened has nothing to write and is not
   * started for it. A save that fails or does not finish within `saveBudgetMs` is given up: the
   * index is derived data, and the next start rebuilds what it lacks.
   */
  async close(saveBudgetMs = closeSaveBudgetMs): Promise<void> {
    const saving = this.#serially(async () => {
      const isOpen = this.#generation !== 0 && this.#generation === this.#backend.generation
      if (isOpen) await this.#backend.request({ type: 'flush' })
    })
    let timer: ReturnType<typeof setTimeout> | undefined
    const budget = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, saveBudgetMs)
    })
    await Promise.race([saving.catch(() => undefined), budget])
    clearTimeout(timer)
    await this.#backend.dispose()
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work)
    this.#queue = run.catch(() => undefined)
    return run
  }

  async #refresh(withAnnotations: boolean, options?: RequestOptions): Promise<void> {
    // Requests are answered in order, so they are sent at once and awaited together: a first
    // search after a start costs one round trip, not one per step or per document.
    const opening = this.#openIfNew(options)
    const library = this.#store.library.data
    const syncing =
      library === this.#toldLibrary
        ? null
        : this.#backend.request(
            {
              type: 'sync',
              documents: library.documents.map((doc) => ({
                id: doc.id,
                revisionHash: doc.revision.hash,
              })),
            },
            options,
          )
    const annotationFiles = withAnnotations
      ? Promise.all(
          library.documents.map((doc) =>
            this.#store.annotations(doc.id, doc.title).catch(() => null),
          ),
        )
      : null
    await opening
    if (syncing) {
      const { unread } = await syncing
      // Texts the engine could not read as listed come through the store, which repairs them.
      for (const id of unread) {
        const meta = library.documents.find((doc) => doc.id === id)
        const content = meta ? await this.#store.content(id, meta.title).catch(() => null) : null
        if (!meta || !content) continue
        const { text, segments } = content.data
        await this.#backend.request(
          {
            type: 'text',
            documentId: id,
            revisionHash: meta.revision.hash,
            content: { text, segments: segments.map(({ start, end }) => ({ start, end })) },
          },
          options,
        )
      }
      this.#toldLibrary = library
      const listed = new Set(library.documents.map((doc) => doc.id))
      for (const id of [...this.#toldAnnotations.keys()])
        if (!listed.has(id)) this.#toldAnnotations.delete(id)
    }
    if (!annotationFiles) return
    const files = await annotationFiles
    const changed = library.documents.flatMap(({ id }, index) => {
      const data = files[index]?.data
      return data && this.#toldAnnotations.get(id) !== data ? [{ id, data }] : []
    })
    if (changed.length === 0) return
    await this.#backend.request({
      type: 'annotations',
      documents: changed.map(({ id, data }) => ({
        documentId: id,
        entries: annotationEntriesOf(id, data),
      })),
    })
    for (const { id, data } of changed) this.#toldAnnotations.set(id, data)
  }

  /** Opens the engine's index if the engine is new (the first request, or a worker restarted). */
  async #openIfNew(options?: RequestOptions): Promise<void> {
    const generation = this.#backend.generation
    if (generation === this.#generation) return
    this.#toldLibrary = null
    this.#toldAnnotations.clear()
    this.#generation = generation
    try {
      // A library another Lectern holds is searched in memory: its kept index is read, not written.
      await this.#backend.request(
        { type: 'open', dataDir: this.#dataDir, canWrite: !this.#store.isReadOnly },
        options,
      )
    } catch (error) {
      this.#generation = 0
      throw error
    }
  }
}
