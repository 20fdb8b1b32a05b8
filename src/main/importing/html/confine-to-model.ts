import type { DocumentText, Mark, Segment } from '../../../shared/model'
import { parseExternalUrl } from '../../../shared/links/external-url'
import { markSchema, segmentSchema } from '../../store/schema'
import { normaliseLanguageTag } from '../guess-language'

/** The optional fields of a block and of a mark, as the store's schema names them. */
type SegmentField = Exclude<keyof typeof segmentSchema.shape, 'kind' | 'start' | 'end'>
type MarkField = Exclude<keyof typeof markSchema.shape, 'kind' | 'start' | 'end'>

/**
 * What a web page's walk produced, rebuilt from Lectern's own types and nothing else: each block
 * and mark is copied field by field, keeping only the fields the store's schema knows and only
 * values it accepts; a link keeps its address only as `parseExternalUrl` normalises it (https or
 * mailto), else it is no link; a block's language is a real language tag. Whatever the page's
 * DOM held (scripts, handlers, `javascript:` or `data:` addresses), nothing of it but text and
 * these plain values can reach the store. Blocks or marks outside the text are dropped, so the
 * store never acknowledges a document it would refuse on the next open.
 */
export function confineToModel(content: DocumentText): DocumentText {
  const length = content.text.length
  const isSpan = (item: { start: unknown; end: unknown }) =>
    Number.isInteger(item.start) &&
    Number.isInteger(item.end) &&
    (item.start as number) >= 0 &&
    (item.start as number) <= (item.end as number) &&
    (item.end as number) <= length
  const segments: Segment[] = []
  for (const segment of content.segments) {
    if (!segmentSchema.shape.kind.safeParse(segment.kind).success || !isSpan(segment)) continue
    const kept: Record<string, unknown> = {
      kind: segment.kind,
      start: segment.start,
      end: segment.end,
    }
    for (const field of Object.keys(segmentSchema.shape) as (keyof Segment)[]) {
      if (field === 'kind' || field === 'start' || field === 'end') continue
      const value = field === 'lang' ? languageOf(segment.lang) : segment[field]
      if (value === undefined) continue
      // The parsed value, not the given one: a table cell's place keeps only the schema's keys.
      const parsed = segmentSchema.shape[field as SegmentField].safeParse(value)
      if (parsed.success) kept[field] = parsed.data
    }
    segments.push(kept as unknown as Segment)
  }
  const marks: Mark[] = []
  for (const mark of content.marks ?? []) {
    if (!markSchema.shape.kind.safeParse(mark.kind).success || !isSpan(mark)) continue
    const href = mark.href === undefined ? undefined : parseExternalUrl(mark.href)
    const kept: Record<string, unknown> = { kind: mark.kind, start: mark.start, end: mark.end }
    for (const field of Object.keys(markSchema.shape) as (keyof Mark)[]) {
      if (field === 'kind' || field === 'start' || field === 'end') continue
      const value = field === 'href' ? (mark.kind === 'link' ? href : undefined) : mark[field]
      if (value == null) continue
      const parsed = markSchema.shape[field as MarkField].safeParse(value)
      if (parsed.success) kept[field] = parsed.data
    }
    // A link that may not be opened is its words alone.
    if (mark.kind === 'link' && kept['href'] === undefined) continue
    marks.push(kept as unknown as Mark)
  }
  marks.sort((a, b) => a.start - b.start)
  return { text: content.text, segments, ...(content.marks ? { marks } : {}) }
}

/** A block's language as a canonical tag, or nothing when it is none. */
function languageOf(declared: string | undefined): string | undefined {
  return declared === undefined ? undefined : (normaliseLanguageTag(declared) ?? undefined)
}
