import { createHash } from 'node:crypto'
import { anchor, describe } from '../../shared/domain/anchoring'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type {
  AnnotationImportReport,
  DocumentMeta,
  Highlight,
  HighlightLabel,
} from '../../shared/model'
import { CodePointIndex } from '../../shared/text/code-points'
import type { AnnotationService } from '../services/annotation-service'
import type { LibraryService } from '../services/library-service'
import { readWebAnnotations, type ForeignAnnotation } from './read-web-annotations'

export interface ImportAnnotationsDeps {
  readonly library: LibraryService
  readonly annotations: AnnotationService
  readonly labels: () => readonly HighlightLabel[]
  readonly now: () => string
}

type Failure =
  | 'invalid-file'
  | 'not-found'
  | 'invalid-passage'
  | 'unknown-label'
  | 'storage-failed'
  | 'read-only'

/**
 * Attaches the annotations of a W3C Web Annotation file to the documents they belong to, found by
 * anchoring: the document the target names when its text still has the passages, else the
 * document where most of them are found. Nothing is guessed: a passage no document has is counted
 * as unmatched and left out.
 */
export async function importWebAnnotationFile(
  deps: ImportAnnotationsDeps,
  json: string,
): Promise<Result<AnnotationImportReport, Failure>> {
  const read = readWebAnnotations(json)
  if (typeof read === 'string') return fail('invalid-file', read)
  const bySource = new Map<string, ForeignAnnotation[]>()
  for (const annotation of read.annotations)
    bySource.set(annotation.source, [...(bySource.get(annotation.source) ?? []), annotation])
  let created = 0
  let updated = 0
  let unmatched = 0
  const documents: { id: string; title: string; count: number }[] = []
  for (const group of bySource.values()) {
    const match = await bestDocument(deps.library, group)
    unmatched += group.length - (match?.highlights.length ?? 0)
    if (!match) continue
    const highlights = match.highlights.map((found) => toHighlight(found, match.meta, deps))
    const saved = await deps.annotations.upsertMany(match.meta.id, highlights)
    if (!saved.ok) return saved
    created += saved.value.created
    updated += saved.value.updated
    documents.push({ id: match.meta.id, title: match.meta.title, count: highlights.length })
  }
  return ok({ created, updated, unmatched, skipped: read.skipped, documents })
}

interface Anchored {
  readonly annotation: ForeignAnnotation
  readonly start: number
  readonly end: number
  readonly text: string
  readonly revisionId: string
}

async function bestDocument(
  library: LibraryService,
  group: readonly ForeignAnnotation[],
): Promise<{ meta: DocumentMeta; highlights: Anchored[] } | null> {
  const named = group[0]?.documentId
  const candidates = library.list().sort((a, b) => Number(b.id === named) - Number(a.id === named))
  let best: { meta: DocumentMeta; highlights: Anchored[] } | null = null
  for (const meta of candidates) {
    const opened = await library.open(meta.id)
    if (!opened.ok) continue
    const text = opened.value.content.text
    const highlights = anchorAll(group, text, meta.revision.id)
    if (highlights.length > (best?.highlights.length ?? 0)) best = { meta, highlights }
    // The named document with every passage found needs no rivals.
    if (meta.id === named && highlights.length === group.length) break
  }
  return best
}

function anchorAll(
  group: readonly ForeignAnnotation[],
  text: string,
  revisionId: string,
): Anchored[] {
  const codePoints = new CodePointIndex(text)
  return group.flatMap((annotation) => {
    const start = annotation.codePointPosition
      ? codePoints.toStringIndex(annotation.codePointPosition.start)
      : 0
    const end = annotation.codePointPosition
      ? codePoints.toStringIndex(annotation.codePointPosition.end)
      : 0
    const found = anchor(text, {
      quote: { type: 'TextQuoteSelector', ...annotation.quote },
      position: {
        type: 'TextPositionSelector',
        start: Math.min(start, text.length),
        end: Math.min(end, text.length),
      },
    })
    return found ? [{ annotation, start: found.start, end: found.end, text, revisionId }] : []
  })
}

function toHighlight(found: Anchored, meta: DocumentMeta, deps: ImportAnnotationsDeps): Highlight {
  const { annotation } = found
  const labels = deps.labels()
  const label =
    labels.find((l) => l.name.toLowerCase() === annotation.labelName?.toLowerCase()) ?? labels[0]!
  const now = deps.now()
  return {
    id: highlightIdFor(annotation, meta.id),
    documentId: meta.id,
    labelId: label.id,
    selectors: describe(found.text, found.start, found.end),
    revisionId: found.revisionId,
    status: 'anchored',
    note: annotation.note,
    tags: [...new Set(annotation.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))],
    createdAt: validTime(annotation.created) ?? now,
    updatedAt: validTime(annotation.modified) ?? now,
  }
}

/** Lectern's own ids come back as they were; others get a stable id derived from theirs. */
function highlightIdFor(annotation: ForeignAnnotation, documentId: string): string {
  const own = /^urn:lectern:highlight:([A-Za-z0-9-]{1,64})$/.exec(annotation.id ?? '')
  if (own) return own[1]!
  const basis =
    annotation.id ??
    `${documentId}|${annotation.quote.prefix}|${annotation.quote.exact}|${annotation.quote.suffix}`
  return `w3c-${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`
}

function validTime(text: string | null): string | null {
  if (!text) return null
  const time = new Date(text)
  return Number.isNaN(time.getTime()) ? null : time.toISOString()
}
