import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurably } from '../store/durable-json-adapter'
import { realFs } from '../store/store-fs'
import { decodeSnapshot, encodeSnapshot } from './index-snapshot'
import type { FoundHit, SearchableText, SearchEntry } from './search-entries'
import { SearchIndex } from './search-index'

/** Where the kept index lives in the data dir (derived data: rebuilt whenever it is doubtful). */
export const keptIndexPath = (dataDir: string) => join(dataDir, 'index', 'search', 'index.bin')

/** A document as the library lists it: search indexes its text once per revision. */
export interface ListedDocument {
  readonly id: string
  readonly revisionHash: string
}

/** What the search engine is asked, from the main thread, one request at a time. */
export type SearchRequest =
  | { readonly type: 'open'; readonly dataDir: string; readonly canWrite: boolean }
  | { readonly type: 'sync'; readonly documents: readonly ListedDocument[] }
  | {
      readonly type: 'text'
      readonly documentId: string
      readonly revisionHash: string
      readonly content: SearchableText
    }
  | {
      readonly type: 'annotations'
      readonly documents: readonly {
        readonly documentId: string
        readonly entries: readonly SearchEntry[]
      }[]
    }
  | { readonly type: 'search'; readonly query: string; readonly limit: number }
  | { readonly type: 'flush' }

/** The answer to each request type. */
export interface SearchReplies {
  readonly open: { readonly isKept: boolean }
  /** Documents whose text file the engine could not read as listed: the store must send them. */
  readonly sync: { readonly unread: string[] }
  readonly text: null
  readonly annotations: null
  readonly search: FoundHit[]
  readonly flush: null
}

/**
 * A kept index is written this long after the last change, so a burst of imports (or an import
 * of many files) writes it once rather than once per document (a 10 MB index takes ~0.3 s).
 */
export const defaultSaveDelayMs = 1500

/**
 * The search index and its file: opened from the kept file when it can be trusted, brought up
 * to date from the documents' own text files, and written back after changes. Runs in the search
 * worker in the app (tests may run it on their own thread): nothing here touches the main thread.
 */
export class SearchEngine {
  #index = new SearchIndex()
  #dataDir = ''
  #canWrite = false
  #isDirty = false
  #saveTimer: ReturnType<typeof setTimeout> | null = null
  readonly #saveDelayMs: number | null

  /** `saveDelayMs` null: the index is written only when flushed (tests on their own thread). */
  constructor(saveDelayMs: number | null = defaultSaveDelayMs) {
    this.#saveDelayMs = saveDelayMs
  }

  /** Answers one request. */
  async handle(request: SearchRequest): Promise<SearchReplies[SearchRequest['type']]> {
    switch (request.type) {
      case 'open':
        return this.#open(request.dataDir, request.canWrite)
      case 'sync':
        return { unread: await this.#sync(request.documents) }
      case 'text':
        this.#index.putText(request.documentId, request.revisionHash, request.content)
        this.#changed()
        return null
      case 'annotations':
        for (const { documentId, entries } of request.documents)
          if (this.#index.putAnnotations(documentId, entries)) this.#isDirty = true
        return null
      case 'search':
        return this.#index.search(request.query, request.limit)
      case 'flush':
        await this.#save()
        return null
    }
  }

  async #open(dataDir: string, canWrite: boolean): Promise<SearchReplies['open']> {
    this.#dataDir = dataDir
    this.#canWrite = canWrite
    const bytes = await readFile(keptIndexPath(dataDir)).catch(() => null)
    const kept = bytes ? decodeSnapshot(bytes) : null
    // A missing, damaged or foreign file is not an error: the next sync rebuilds what it lacks.
    this.#index = kept ?? new SearchIndex()
    this.#isDirty = !kept
    return { isKept: kept !== null }
  }

  async #sync(documents: readonly ListedDocument[]): Promise<string[]> {
    const listed = new Set(documents.map((doc) => doc.id))
    for (const id of [...this.#index.documents.keys()]) {
      if (listed.has(id)) continue
      this.#index.remove(id)
      this.#changed()
    }
    const unread: string[] = []
    for (const doc of documents) {
      if (this.#index.documents.get(doc.id)?.revisionHash === doc.revisionHash) continue
      const content = await readListedText(this.#dataDir, doc)
      if (!content) {
        unread.push(doc.id)
        continue
      }
      this.#index.putText(doc.id, doc.revisionHash, content)
      this.#changed()
    }
    return unread
  }

  /**
   * A text came or went: the kept file is written soon. Highlights and notes alone do not write
   * it (they go with the next write): every start tells the engine each document's annotations
   * again, so the file need not follow each highlight, and rewriting it (21 MB for a 10 MB
   * library) for each one would cost far more than the highlight's own save.
   */
  #changed(): void {
    this.#isDirty = true
    if (!this.#canWrite || this.#saveTimer || this.#saveDelayMs === null) return
    this.#saveTimer = setTimeout(() => void this.#save(), this.#saveDelayMs)
    // A pending save never keeps a process alive: the next start rebuilds what it lacks.
    this.#saveTimer.unref?.()
  }

  async #save(): Promise<void> {
    if (this.#saveTimer) clearTimeout(this.#saveTimer)
    this.#saveTimer = null
    if (!this.#canWrite || !this.#isDirty) return
    this.#isDirty = false
    try {
      await writeFileDurably(realFs, keptIndexPath(this.#dataDir), encodeSnapshot(this.#index))
    } catch {
      // A full disk, say: the index in memory is right; it is written again after the next change.
      this.#isDirty = true
    }
  }
}

/**
 * A document's text straight from its file, without the store's checks and repairs: only when
 * it is the revision the library lists and its blocks lie inside it. Anything else (a damaged
 * file, a revision cut short) is left to the store, which repairs and sends it.
 */
async function readListedText(
  dataDir: string,
  doc: ListedDocument,
): Promise<SearchableText | null> {
  try {
    const file = JSON.parse(
      await readFile(join(dataDir, 'documents', doc.id, 'content.json'), 'utf8'),
    ) as unknown
    if (!isListedText(file, doc)) return null
    return { text: file.text, segments: file.segments }
  } catch {
    return null
  }
}

function isListedText(
  file: unknown,
  doc: ListedDocument,
): file is SearchableText & { documentId: string } {
  if (typeof file !== 'object' || file === null) return false
  const { documentId, revision, text, segments } = file as Record<string, unknown>
  return (
    documentId === doc.id &&
    typeof revision === 'object' &&
    revision !== null &&
    (revision as { hash?: unknown }).hash === doc.revisionHash &&
    typeof text === 'string' &&
    Array.isArray(segments) &&
    segments.every(
      (segment: unknown) =>
        typeof segment === 'object' &&
        segment !== null &&
        Number.isInteger((segment as { start?: unknown }).start) &&
        Number.isInteger((segment as { end?: unknown }).end) &&
        (segment as { start: number }).start >= 0 &&
        (segment as { start: number }).start <= (segment as { end: number }).end &&
        (segment as { end: number }).end <= text.length,
    )
  )
}
