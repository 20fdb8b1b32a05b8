import { z } from 'zod'

/**
 * The MUST rules of the W3C Web Annotation Data Model (Recommendation, 23 February 2017) that
 * apply to text annotations, written out as a schema: §3.1 Annotation (@context, id, type,
 * target), §3.2.4 TextualBody, §3.3.5 motivations, §4.2.4 TextQuoteSelector, §4.2.5
 * TextPositionSelector (non-negative integer code point offsets), §5.1/5.2 collection and page.
 */
const iri = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i, 'an IRI')
const motivations = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
] as const
const textualBody = z.looseObject({
  type: z.literal('TextualBody'),
  value: z.string(),
  purpose: z.enum(motivations).optional(),
  format: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/)
    .optional(),
})
const quoteSelector = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
})
const positionSelector = z
  .looseObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.start <= s.end, 'start ≤ end')
const dateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
export const annotationModel = z.looseObject({
  id: iri,
  type: z.literal('Annotation'),
  motivation: z.enum(motivations).optional(),
  created: dateTime.optional(),
  modified: dateTime.optional(),
  body: z.array(textualBody).optional(),
  target: z.looseObject({
    source: iri,
    selector: z.array(z.union([quoteSelector, positionSelector])).min(1),
  }),
})
export const annotationCollectionModel = z.looseObject({
  '@context': z.union([
    z.literal('http://www.w3.org/ns/anno.jsonld'),
    z.array(z.string()).refine((c) => c.includes('http://www.w3.org/ns/anno.jsonld')),
  ]),
  id: iri,
  type: z.literal('AnnotationCollection'),
  label: z.string().optional(),
  total: z.number().int().nonnegative(),
  first: z.looseObject({
    id: iri,
    type: z.literal('AnnotationPage'),
    startIndex: z.number().int().nonnegative().optional(),
    items: z.array(annotationModel),
  }),
})

/** One annotation for `makeAnnotationCollection`: a quote, and what a tool may say about it. */
export interface AnnotationSpec {
  readonly id?: string
  /** The target's source: `lectern://open/<document>` or any IRI. */
  readonly source: string
  readonly exact: string
  readonly prefix?: string
  readonly suffix?: string
  readonly note?: string
  readonly tags?: readonly string[]
  readonly created?: string
  readonly modified?: string
}

/** A W3C AnnotationCollection (JSON text) holding `items`, as another tool would write one. */
export function makeAnnotationCollection(items: readonly AnnotationSpec[]): string {
  return JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:example:collection',
    type: 'AnnotationCollection',
    total: items.length,
    first: {
      id: 'urn:example:collection:page1',
      type: 'AnnotationPage',
      items: items.map((item, index) => ({
        id: item.id ?? `urn:example:annotation:${index}`,
        type: 'Annotation',
        motivation: 'commenting',
        ...(item.created ? { created: item.created } : {}),
        ...(item.modified ? { modified: item.modified } : {}),
        body: [
          ...(item.note === undefined
            ? []
            : [
                {
                  type: 'TextualBody',
                  value: item.note,
                  format: 'text/markdown',
                  purpose: 'commenting',
                },
              ]),
          ...(item.tags ?? []).map((tag) => ({
            type: 'TextualBody',
            value: tag,
            purpose: 'tagging',
          })),
        ],
        target: {
          source: item.source,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: item.exact,
              ...(item.prefix === undefined ? {} : { prefix: item.prefix }),
              ...(item.suffix === undefined ? {} : { suffix: item.suffix }),
            },
          ],
        },
      })),
    },
  })
}
