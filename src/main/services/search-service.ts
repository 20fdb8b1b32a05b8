import type { SearchHit } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import type { AnnotationsFile, LibraryFile } from '../store/schema'
import { searchOnThisThread, type SearchBackend } from '../search/search-backend'
import { annotationEntriesOf } from '../search/search-entries'

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
    await this.#serially(() => this.#refresh(true))
    const hits = await this.#backend.request({ type: 'search', query: trimmed, limit })
    const titles = new Map(this.#store.library.data.documents.map((doc) => [doc.id, doc.title]))
    return hits.map((hit) => ({ ...hit, documentTitle: titles.get(hit.documentId) ?? '' }))
  }

  /**
   * Indexes the library's texts now, in the background: called when a document was imported,
   * revised or deleted, so that the index is built then and not at the first search.
   */
  noteLibraryChanged(): void {
    void this.#serially(() => this.#refresh(false)).catch(() => undefined)
  }

  /** Writes the kept index now if it changed (tests and benchmarks; the engine saves by itself). */
  async flush(): Promise<void> {
    await this.#serially(() => this.#refresh(false))
    await this.#backend.request({ type: 'flush' })
  }

  /** Stops the engine. */
  dispose(): Promise<void> {
    return this.#backend.dispose()
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work)
    this.#queue = run.catch(() => undefined)
    return run
  }

  async #refresh(withAnnotations: boolean): Promise<void> {
    // A library another Lectern holds is searched in memory: its kept index is read, never written.
    if (this.#generation === 0 || this.#generation !== this.#backend.generation) {
      this.#toldLibrary = null
      this.#toldAnnotations.clear()
      await this.#backend.request({
        type: 'open',
        dataDir: this.#dataDir,
        canWrite: !this.#store.isReadOnly,
      })
      this.#generation = this.#backend.generation
    }
    const library = this.#store.library.data
    if (library !== this.#toldLibrary) {
      const { unread } = await this.#backend.request({
        type: 'sync',
        documents: library.documents.map((doc) => ({
          id: doc.id,
          revisionHash: doc.revision.hash,
        })),
      })
      // Texts the engine could not read as listed come through the store, which repairs them.
      for (const id of unread) {
        const meta = library.documents.find((doc) => doc.id === id)
        const content = meta ? await this.#store.content(id, meta.title).catch(() => null) : null
        if (!meta || !content) continue
        const { text, segments } = content.data
        await this.#backend.request({
          type: 'text',
          documentId: id,
          revisionHash: meta.revision.hash,
          content: { text, segments: segments.map(({ start, end }) => ({ start, end })) },
        })
      }
      this.#toldLibrary = library
      const listed = new Set(library.documents.map((doc) => doc.id))
      for (const id of [...this.#toldAnnotations.keys()])
        if (!listed.has(id)) this.#toldAnnotations.delete(id)
    }
    if (!withAnnotations) return
    for (const { id, title } of library.documents) {
      const annotations = await this.#store.annotations(id, title).catch(() => null)
      if (!annotations || this.#toldAnnotations.get(id) === annotations.data) continue
      await this.#backend.request({
        type: 'annotations',
        documentId: id,
        entries: annotationEntriesOf(id, annotations.data),
      })
      this.#toldAnnotations.set(id, annotations.data)
    }
  }
}
