import type { CardSource } from '../../shared/model'
import type { DataStore } from '../store/data-store'

/** The paragraph a card's highlight is in, with the highlight's place in it; null if gone. */
export async function findCardSource(
  store: DataStore,
  documentId: string,
  title: string,
  highlightId: string | null,
): Promise<CardSource | null> {
  if (!highlightId) return null
  const highlight = (await store.annotations(documentId, title)).data.highlights.find(
    (h) => h.id === highlightId,
  )
  const content = await store.content(documentId, title)
  if (!highlight || highlight.status !== 'anchored' || !content) return null
  const { start, end } = highlight.selectors.position
  const segment = content.data.segments.find((s) => s.start <= start && start < s.end)
  if (!segment) return null
  return {
    highlightId,
    paragraph: content.data.text.slice(segment.start, segment.end),
    markStart: start - segment.start,
    markEnd: Math.min(end, segment.end) - segment.start,
  }
}
