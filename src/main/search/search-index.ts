import MiniSearch from 'minisearch'
import {
  textEntriesOf,
  toHit,
  type FoundHit,
  type SearchableText,
  type SearchEntry,
} from './search-entries'

/** How entries are indexed and searched: prefix and light fuzzy matching, every word needed. */
export const searchOptions = {
  fields: ['text'],
  searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND' as const },
}

/** A term's postings: entry (short id) → how often the term occurs in it, per field. */
export type TermData = Map<number, Map<number, number>>

/**
 * The parts of MiniSearch (7.2.0, pinned) that a kept index restores without re-reading every
 * term's postings: loadJSON would rebuild all of them (0.6 s for 10 MB) before the first search.
 */
export interface MiniSearchInternals {
  _index: { set(term: string, data: TermData): unknown } & Iterable<[string, TermData]>
  _documentIds: Map<number, string>
  _idToShortId: Map<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _documentCount: number
  _nextId: number
  _dirtCount: number
}

/** What the index knows of one document. */
export interface IndexedDocument {
  /** The hash of the text revision its text entries were made from; '' when none were. */
  readonly revisionHash: string
  /** How many text entries it has: `<document id>/t0` … (ids made when needed, not kept). */
  readonly textCount: number
  readonly annotationIds: readonly string[]
}

/** The ids of a document's text entries. */
export function textIdsOf(documentId: string, known: IndexedDocument | undefined): string[] {
  return Array.from({ length: known?.textCount ?? 0 }, (_, index) => `${documentId}/t${index}`)
}

/**
 * One MiniSearch index over every document's text blocks, highlights and notes, with the entries
 * it finds (for snippets) and which text revision each document was indexed from. It runs where
 * the search runs: in the search worker in the app.
 */
export class SearchIndex {
  readonly #mini: MiniSearch<SearchEntry>
  readonly #entries: Map<string, SearchEntry>
  readonly #documents: Map<string, IndexedDocument>

  constructor(
    mini = new MiniSearch<SearchEntry>(searchOptions),
    entries = new Map<string, SearchEntry>(),
    documents = new Map<string, IndexedDocument>(),
  ) {
    this.#mini = mini
    this.#entries = entries
    this.#documents = documents
  }

  /** The documents indexed, with the revision of their text. */
  get documents(): ReadonlyMap<string, IndexedDocument> {
    return this.#documents
  }

  /** Every entry, by id. */
  get entries(): ReadonlyMap<string, SearchEntry> {
    return this.#entries
  }

  /** MiniSearch's own structures, for keeping the index on disk. */
  get internals(): MiniSearchInternals {
    return this.#mini as unknown as MiniSearchInternals
  }

  /** Indexes a document's text (replacing an earlier revision's); its annotations stay. */
  putText(documentId: string, revisionHash: string, content: SearchableText): void {
    const known = this.#documents.get(documentId)
    this.#discard(textIdsOf(documentId, known))
    const entries = textEntriesOf(documentId, content)
    this.#add(entries)
    this.#documents.set(documentId, {
      revisionHash,
      textCount: entries.length,
      annotationIds: known?.annotationIds ?? [],
    })
  }

  /**
   * Replaces a document's highlight and note entries; unchanged ones are not re-indexed. True
   * when anything changed.
   */
  putAnnotations(documentId: string, entries: readonly SearchEntry[]): boolean {
    const known = this.#documents.get(documentId)
    const wanted = new Map(entries.map((entry) => [entry.id, entry]))
    const gone = (known?.annotationIds ?? []).filter(
      (id) => !isSameEntry(this.#entries.get(id), wanted.get(id)),
    )
    this.#discard(gone)
    const added = entries.filter((entry) => !this.#entries.has(entry.id))
    this.#add(added)
    if (!known && entries.length === 0) return false
    this.#documents.set(documentId, {
      revisionHash: known?.revisionHash ?? '',
      textCount: known?.textCount ?? 0,
      annotationIds: entries.map((entry) => entry.id),
    })
    return gone.length > 0 || added.length > 0
  }

  /** Forgets a document that left the library. */
  remove(documentId: string): void {
    const known = this.#documents.get(documentId)
    if (!known) return
    this.#discard([...textIdsOf(documentId, known), ...known.annotationIds])
    this.#documents.delete(documentId)
  }

  /** The best hits for a query, best first. */
  search(query: string, limit: number): FoundHit[] {
    return this.#mini
      .search(query)
      .slice(0, limit)
      .flatMap((result) => {
        const entry = this.#entries.get(String(result.id))
        return entry ? [toHit(entry, result.terms)] : []
      })
  }

  #add(entries: readonly SearchEntry[]): void {
    for (const entry of entries) this.#entries.set(entry.id, entry)
    this.#mini.addAll(entries)
  }

  #discard(ids: readonly string[]): void {
    for (const id of ids) {
      if (!this.#entries.delete(id)) continue
      this.#mini.discard(id)
    }
  }
}

function isSameEntry(a: SearchEntry | undefined, b: SearchEntry | undefined): boolean {
  return (
    !!a &&
    !!b &&
    a.text === b.text &&
    a.kind === b.kind &&
    a.start === b.start &&
    a.end === b.end &&
    a.highlightId === b.highlightId
  )
}
