import { z } from 'zod'
import { parseLecternLink } from '../../shared/links/lectern-link'

/** One annotation as Lectern understands it, positions still in Unicode code points. */
export interface ForeignAnnotation {
  readonly id: string | null
  readonly source: string
  /** The Lectern document the target names, when it is a `lectern://` link. */
  readonly documentId: string | null
  readonly quote: { readonly exact: string; readonly prefix: string; readonly suffix: string }
  readonly codePointPosition: { readonly start: number; readonly end: number } | null
  readonly note: string
  readonly tags: readonly string[]
  readonly labelName: string | null
  readonly created: string | null
  readonly modified: string | null
}

const text = z.string().max(200_000)
const body = z.looseObject({
  type: z.string().optional(),
  value: text.optional(),
  purpose: z.string().optional(),
  format: z.string().optional(),
})
const selector = z.looseObject({ type: z.string() })
const quoteSelector = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(100_000),
  prefix: z.string().max(10_000).optional(),
  suffix: z.string().max(10_000).optional(),
})
const positionSelector = z.looseObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
const target = z.looseObject({
  source: z.string().max(2_000),
  selector: z.union([selector, z.array(selector).max(20)]).optional(),
})
const annotation = z.looseObject({
  id: z.string().max(2_000).optional(),
  type: z.union([
    z.literal('Annotation'),
    z.array(z.string()).refine((t) => t.includes('Annotation')),
  ]),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  created: z.string().max(64).optional(),
  modified: z.string().max(64).optional(),
  body: z.union([body, z.array(body).max(1_000), text]).optional(),
  bodyValue: text.optional(),
  target: z.union([target, z.array(target).min(1).max(20), z.string()]),
})
const page = z.looseObject({
  type: z.literal('AnnotationPage'),
  items: z.array(z.unknown()).max(100_000),
})
const collection = z.looseObject({
  type: z.literal('AnnotationCollection'),
  first: z.union([page, z.string()]).optional(),
})

/** What a Web Annotation file held: annotations Lectern can anchor, and how many it could not. */
export interface ReadAnnotations {
  readonly annotations: readonly ForeignAnnotation[]
  readonly skipped: number
}

/**
 * Reads a W3C Web Annotation file: an AnnotationCollection with its first page embedded, an
 * AnnotationPage, one Annotation, or a JSON array of them. Only text annotations with a quote
 * can be anchored; others are counted as skipped. A string is an error for the reader.
 */
export function readWebAnnotations(json: string): ReadAnnotations | string {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return 'This file is not JSON, so it cannot be a Web Annotation file.'
  }
  const items = annotationItems(value)
  if (items === null)
    return 'This JSON file holds no W3C Web Annotations (an AnnotationCollection, AnnotationPage or Annotation).'
  if (typeof items === 'string') return items
  const annotations: ForeignAnnotation[] = []
  let skipped = 0
  for (const item of items) {
    const read = readOne(item)
    if (read) annotations.push(read)
    else skipped++
  }
  return { annotations, skipped }
}

function annotationItems(value: unknown): readonly unknown[] | string | null {
  if (Array.isArray(value)) return value
  const asCollection = collection.safeParse(value)
  if (asCollection.success) {
    const first = asCollection.data.first
    if (first === undefined) return []
    if (typeof first === 'string')
      return 'This collection keeps its annotations at another address; Lectern only reads files that contain them.'
    return first.items
  }
  const asPage = page.safeParse(value)
  if (asPage.success) return asPage.data.items
  return annotation.safeParse(value).success ? [value] : null
}

function readOne(item: unknown): ForeignAnnotation | null {
  const parsed = annotation.safeParse(item)
  if (!parsed.success) return null
  const data = parsed.data
  const firstTarget = Array.isArray(data.target) ? data.target[0]! : data.target
  if (typeof firstTarget === 'string') return null
  const selectors = [firstTarget.selector ?? []].flat()
  const quote = selectors.map((s) => quoteSelector.safeParse(s)).find((r) => r.success)?.data
  if (!quote) return null
  const position = selectors.map((s) => positionSelector.safeParse(s)).find((r) => r.success)?.data
  const bodies =
    data.body === undefined ? [] : typeof data.body === 'string' ? [] : [data.body].flat()
  const textBodies = bodies.filter(
    (b) => (b.type ?? 'TextualBody') === 'TextualBody' && typeof b.value === 'string',
  )
  const byPurpose = (purpose: string) =>
    textBodies.filter((b) => b.purpose === purpose).map((b) => b.value!.trim())
  const notes = [
    ...(data.bodyValue ? [data.bodyValue] : []),
    ...textBodies
      .filter(
        (b) => b.purpose === undefined || b.purpose === 'commenting' || b.purpose === 'describing',
      )
      .map((b) => (b.format === 'text/html' ? htmlToText(b.value!) : b.value!)),
  ]
  return {
    id: data.id ?? null,
    source: firstTarget.source,
    documentId: parseLecternLink(firstTarget.source)?.documentId ?? null,
    quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    codePointPosition:
      position && position.start < position.end
        ? { start: position.start, end: position.end }
        : null,
    note: notes.join('\n\n').trim(),
    tags: byPurpose('tagging').filter(Boolean),
    labelName: byPurpose('classifying')[0] ?? null,
    created: data.created ?? null,
    modified: data.modified ?? null,
  }
}

/** A note written as HTML elsewhere, kept as its text: Lectern notes are Markdown only. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .trim()
}
