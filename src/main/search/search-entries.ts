import type { SearchHit } from '../../shared/model'

/** A searchable passage: a block of a document's text, a highlight's quote, or its note. */
export interface SearchEntry {
  readonly id: string
  readonly kind: SearchHit['kind']
  readonly documentId: string
  readonly start: number
  readonly end: number
  readonly highlightId: string | null
  readonly text: string
}

/** A hit as the index finds it; the service adds the document's title. */
export type FoundHit = Omit<SearchHit, 'documentTitle'>

/** What search needs of a document's text: the text and where its blocks are. */
export interface SearchableText {
  readonly text: string
  readonly segments: readonly { readonly start: number; readonly end: number }[]
}

/** What search needs of a document's highlights and notes. */
export interface SearchableAnnotations {
  readonly highlights: readonly {
    readonly id: string
    readonly status: 'anchored' | 'orphan'
    readonly note: string
    readonly tags: readonly string[]
    readonly selectors: {
      readonly position: { readonly start: number; readonly end: number }
      readonly quote: { readonly exact: string }
    }
  }[]
}

/** One entry per block of the text, each its own passage. */
export function textEntriesOf(documentId: string, content: SearchableText): SearchEntry[] {
  return content.segments.map((segment, index) => ({
    id: `${documentId}/t${index}`,
    kind: 'text',
    documentId,
    start: segment.start,
    end: segment.end,
    highlightId: null,
    text: content.text.slice(segment.start, segment.end),
  }))
}

/** An entry for each anchored highlight's quote, and one for its note and tags when it has any. */
export function annotationEntriesOf(
  documentId: string,
  annotations: SearchableAnnotations,
): SearchEntry[] {
  const entries: SearchEntry[] = []
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

/** Characters of context shown either side of the first match. */
const snippetContext = 70

/** Where the matched terms are in the entry, and a snippet around the first one. */
export function toHit(entry: SearchEntry, terms: readonly string[]): FoundHit {
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
