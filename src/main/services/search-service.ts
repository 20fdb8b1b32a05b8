import MiniSearch from 'minisearch'
import type { SearchHit } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import type { AnnotationsFile, ContentFile } from '../store/schema'

/** A searchable passage. */
interface Entry {
  readonly id: string
  readonly kind: SearchHit['kind']
  readonly documentId: string
  readonly start: number
  readonly end: number
  readonly highlightId: string | null
  readonly text: string
}

/** Characters of context shown either side of the first match. */
const snippetContext = 70

/**
 * Full-text search over every document's text, highlights and notes (MiniSearch: prefix and
 * light fuzzy matching). A document's entries are re-indexed only when its text or annotations
 * changed since the last search.
 */
export class SearchService {
  readonly #store: DataStore
  readonly #index = new MiniSearch<Entry>({
    fields: ['text'],
    searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  })
  readonly #entries = new Map<string, Entry>()
  /** What each document was indexed from; a new object means it changed. */
  readonly #indexedFrom = new Map<
    string,
    { content: ContentFile; annotations: AnnotationsFile; ids: string[] }
  >()

  constructor(store: DataStore) {
    this.#store = store
  }

  /** The best hits for a query, best first. */
  async search(query: string, limit = 30): Promise<SearchHit[]> {
    const trimmed = query.trim()
    if (trimmed.length < 2) return []
    await this.#refresh()
    const titles = new Map(this.#store.library.data.documents.map((doc) => [doc.id, doc.title]))
    return this.#index
      .search(trimmed)
      .slice(0, limit)
      .flatMap((result) => {
        const entry = this.#entries.get(String(result.id))
        if (!entry) return []
        return [
          { ...toHit(entry, result.terms), documentTitle: titles.get(entry.documentId) ?? '' },
        ]
      })
  }

  async #refresh(): Promise<void> {
    const listed = new Set<string>()
    for (const { id, title } of this.#store.library.data.documents) {
      listed.add(id)
      const content = await this.#store.content(id, title)
      if (!content) continue
      const annotations = await this.#store.annotations(id, title)
      const indexed = this.#indexedFrom.get(id)
      if (indexed?.content === content.data && indexed.annotations === annotations.data) continue
      this.#drop(id)
      const entries = entriesOf(id, content.data, annotations.data)
      for (const entry of entries) this.#entries.set(entry.id, entry)
      this.#index.addAll(entries)
      this.#indexedFrom.set(id, {
        content: content.data,
        annotations: annotations.data,
        ids: entries.map((e) => e.id),
      })
    }
    for (const id of [...this.#indexedFrom.keys()]) if (!listed.has(id)) this.#drop(id)
  }

  #drop(documentId: string): void {
    for (const id of this.#indexedFrom.get(documentId)?.ids ?? []) {
      this.#index.discard(id)
      this.#entries.delete(id)
    }
    this.#indexedFrom.delete(documentId)
  }
}

function entriesOf(
  documentId: string,
  content: ContentFile,
  annotations: AnnotationsFile,
): Entry[] {
  const entries: Entry[] = content.segments.map((segment, index) => ({
    id: `${documentId}/t${index}`,
    kind: 'text',
    documentId,
    start: segment.start,
    end: segment.end,
    highlightId: null,
    text: content.text.slice(segment.start, segment.end),
  }))
  for (const highlight of annotations.highlights) {
    if (highlight.status !== 'anchored') continue
    const { start, end } = highlight.selectors.position
    entries.push({
      id: `${documentId}/h${highlight.id}`,
      kind: 'highlight',
      documentId,
      start,
      end,
      highlightId: highlight.id,
      text: highlight.selectors.quote.exact,
    })
    const noteText = [highlight.note, ...highlight.tags.map((tag) => `#${tag}`)].join(' ').trim()
    if (noteText)
      entries.push({
        id: `${documentId}/n${highlight.id}`,
        kind: 'note',
        documentId,
        start,
        end,
        highlightId: highlight.id,
        text: noteText,
      })
  }
  return entries
}

/** Where the matched terms are in the entry, and a snippet around the first one. */
function toHit(entry: Entry, terms: readonly string[]): Omit<SearchHit, 'documentTitle'> {
  const lower = entry.text.toLowerCase()
  const found: { start: number; end: number }[] = []
  for (const term of terms) {
    const pattern = new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'giu')
    for (const match of lower.matchAll(pattern)) {
      const wordEnd =
        /^[\p{L}\p{N}'’-]*/u.exec(lower.slice(match.index + term.length))?.[0].length ?? 0
      found.push({ start: match.index, end: match.index + term.length + wordEnd })
    }
  }
  found.sort((a, b) => a.start - b.start)
  const first = found[0] ?? { start: 0, end: 0 }
  const from = Math.max(0, first.start - snippetContext)
  const to = Math.min(entry.text.length, first.end + snippetContext)
  const snippet = `${from > 0 ? '…' : ''}${entry.text.slice(from, to)}${to < entry.text.length ? '…' : ''}`
  const shift = (from > 0 ? 1 : 0) - from
  return {
    kind: entry.kind,
    documentId: entry.documentId,
    start: entry.kind === 'text' ? entry.start + first.start : entry.start,
    end: entry.kind === 'text' ? entry.start + first.end : entry.end,
    highlightId: entry.highlightId,
    snippet,
    matches: found
      .filter((m) => m.start >= from && m.end <= to)
      .map((m) => ({ start: m.start + shift, end: m.end + shift })),
  }
}
