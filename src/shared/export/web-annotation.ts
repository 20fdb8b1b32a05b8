import type { DocumentMeta, Highlight, HighlightLabel } from '../model'
import { formatLecternLink } from '../links/lectern-link'
import { CodePointIndex } from '../text/code-points'

/** The Web Annotation Data Model's JSON-LD context (W3C Recommendation, 2017). */
export const webAnnotationContext = 'http://www.w3.org/ns/anno.jsonld'

/** One document's highlights with the text their positions refer to. */
export interface AnnotatedDocument {
  readonly meta: DocumentMeta
  readonly text: string
  readonly highlights: readonly Highlight[]
}

export interface TextualBody {
  readonly type: 'TextualBody'
  readonly value: string
  readonly purpose: 'commenting' | 'tagging' | 'classifying'
  readonly format?: 'text/markdown'
}

export interface WebAnnotation {
  readonly id: string
  readonly type: 'Annotation'
  readonly motivation: 'highlighting' | 'commenting'
  readonly created: string
  readonly modified: string
  readonly body: readonly TextualBody[]
  readonly target: {
    readonly source: string
    readonly selector: readonly [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ]
  }
}

export interface AnnotationCollection {
  readonly '@context': typeof webAnnotationContext
  readonly id: string
  readonly type: 'AnnotationCollection'
  readonly label: string
  readonly total: number
  readonly first: {
    readonly id: string
    readonly type: 'AnnotationPage'
    readonly startIndex: 0
    readonly items: readonly WebAnnotation[]
  }
}

/** The IRI an exported highlight goes by; importing it again updates instead of duplicating. */
export function annotationIri(highlightId: string): string {
  return `urn:lectern:highlight:${highlightId}`
}

/**
 * Highlights as a W3C `AnnotationCollection`: a quote and a position selector each (positions in
 * Unicode code points, as the model requires), the note as a Markdown `TextualBody`, each tag a
 * body with purpose `tagging`, the label as one with purpose `classifying`. Motivation is
 * `commenting` when there is a note, else `highlighting`. Deterministic for the same input.
 */
export function toAnnotationCollection(
  documents: readonly AnnotatedDocument[],
  labels: readonly HighlightLabel[],
  scope: string,
): AnnotationCollection {
  const labelNames = new Map(labels.map((label) => [label.id, label.name]))
  const items = documents.flatMap((document) => {
    const codePoints = new CodePointIndex(document.text)
    return [...document.highlights]
      .filter((highlight) => highlight.status === 'anchored')
      .sort((a, b) => a.selectors.position.start - b.selectors.position.start)
      .map((highlight) => toWebAnnotation(highlight, codePoints, labelNames))
  })
  const id = `urn:lectern:collection:${scope}`
  return {
    '@context': webAnnotationContext,
    id,
    type: 'AnnotationCollection',
    label: `Highlights and notes from Lectern: ${scope}`,
    total: items.length,
    first: { id: `${id}:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  }
}

function toWebAnnotation(
  highlight: Highlight,
  codePoints: CodePointIndex,
  labelNames: ReadonlyMap<string, string>,
): WebAnnotation {
  const { quote, position } = highlight.selectors
  const note = highlight.note.trim()
  const body: TextualBody[] = [
    ...(note
      ? [
          {
            type: 'TextualBody',
            value: note,
            format: 'text/markdown',
            purpose: 'commenting',
          } as const,
        ]
      : []),
    ...highlight.tags.map(
      (tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' }) as const,
    ),
    {
      type: 'TextualBody',
      value: labelNames.get(highlight.labelId) ?? highlight.labelId,
      purpose: 'classifying',
    },
  ]
  return {
    id: annotationIri(highlight.id),
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    body,
    target: {
      source: formatLecternLink({ documentId: highlight.documentId }),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
        },
        {
          type: 'TextPositionSelector',
          start: codePoints.toCodePoints(position.start),
          end: codePoints.toCodePoints(position.end),
        },
      ],
    },
  }
}
