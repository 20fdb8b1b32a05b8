import { setImmediate as nextTurn } from 'node:timers/promises'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { DocumentMeta, Highlight, HighlightLabel } from '../../shared/model'
import type { AnnotationImportNote, AnnotationImportReport } from '../../shared/model/interchange'
import { CodePointIndex } from '../../shared/text/code-points'
import type { AnnotationService } from '../services/annotation-service'
import type { LibraryService } from '../services/library-service'
import { anchorBounded } from './bounded-anchor'
import { toImportedHighlight, type AnchoredAnnotation } from './imported-highlight'
import { readWebAnnotations, type ForeignAnnotation } from './read-web-annotations'

export interface ImportAnnotationsDeps {
  readonly library: LibraryService
  readonly annotations: AnnotationService
  readonly labels: () => readonly HighlightLabel[]
  readonly now: () => string
  /** A monotonic clock in milliseconds; tests pass one they drive. */
  readonly clock?: () => number
  /** How long the import may spend looking for passages, in milliseconds. */
  readonly timeBudgetMs?: number
}

/**
 * Twenty seconds of searching: a file of hundreds of annotations over a library of books anchors
 * in a few seconds; past this, the reader is better told what was not looked for than kept waiting.
 */
export const defaultTimeBudgetMs = 20_000

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
 * as unmatched and left out. Each annotation stands alone: one the store could not keep (a note
 * too long) is refused with a sentence and the others are imported; one that needed a change to
 * fit (a tag cut, an impossible date) is imported and the change reported. Searching stops at the
 * time budget; what was not looked for is counted, and importing again tries it (the highlights
 * already imported are then unchanged).
 */
export async function importWebAnnotationFile(
  deps: ImportAnnotationsDeps,
  json: string,
): Promise<Result<AnnotationImportReport, Failure>> {
  const read = readWebAnnotations(json)
  if (typeof read === 'string') return fail('invalid-file', read)
  const clock = deps.clock ?? (() => performance.now())
  const deadline = clock() + (deps.timeBudgetMs ?? defaultTimeBudgetMs)
  const isTimeUp = () => clock() >= deadline
  const now = deps.now()
  const labels = deps.labels()
  const bySource = new Map<string, ForeignAnnotation[]>()
  for (const annotation of read.annotations)
    bySource.set(annotation.source, [...(bySource.get(annotation.source) ?? []), annotation])
  const totals = {
    created: 0,
    updated: 0,
    unchanged: 0,
    keptNewer: 0,
    unmatched: 0,
    notSearched: 0,
  }
  const adjusted: AnnotationImportNote[] = []
  const refused: AnnotationImportNote[] = []
  const documents: { id: string; title: string; count: number }[] = []
  for (const group of bySource.values()) {
    const search = await bestDocument(deps.library, group, isTimeUp)
    const missing = group.length - (search.best?.anchored.length ?? 0)
    if (search.isComplete) totals.unmatched += missing
    else totals.notSearched += missing
    if (!search.best) continue
    const { meta, anchored } = search.best
    const highlights: Highlight[] = []
    const undatedIds = new Set<string>()
    const annotationOf = new Map<string, ForeignAnnotation>()
    for (const found of anchored) {
      const made = toImportedHighlight(found, meta, labels, now)
      const name = describeAnnotation(found.annotation)
      if (!made.ok) {
        refused.push({ annotation: name, message: `Not imported: ${made.reason}` })
        continue
      }
      for (const adjustment of made.adjustments)
        adjusted.push({ annotation: name, message: `Imported, but ${adjustment}` })
      highlights.push(made.highlight)
      annotationOf.set(made.highlight.id, found.annotation)
      if (!made.isDated) undatedIds.add(made.highlight.id)
    }
    if (highlights.length === 0) continue
    const saved = await deps.annotations.upsertMany(meta.id, highlights, { undatedIds })
    if (!saved.ok) {
      if (documents.length === 0) return saved
      const done = documents.map((doc) => `“${doc.title}”`).join(', ')
      return fail(
        saved.error.code,
        `${saved.error.message} The highlights for ${done} were saved before that.`,
      )
    }
    totals.created += saved.value.created
    totals.updated += saved.value.updated
    totals.unchanged += saved.value.unchanged
    totals.keptNewer += saved.value.keptNewer
    for (const { id } of saved.value.addedAsNew) {
      const annotation = annotationOf.get(id)
      adjusted.push({
        annotation: annotation ? describeAnnotation(annotation) : id,
        message:
          'Imported as a new highlight: its id names one of your highlights, but of another passage, which was left as it is.',
      })
    }
    documents.push({ id: meta.id, title: meta.title, count: highlights.length })
  }
  return ok({ ...totals, skipped: read.skipped, adjusted, refused, documents })
}

interface DocumentMatch {
  readonly meta: DocumentMeta
  readonly anchored: readonly AnchoredAnnotation[]
}

/**
 * The document holding most of a group's passages, the one the target names first. Searching
 * stops when the time is up; `isComplete` says whether every document was tried.
 */
async function bestDocument(
  library: LibraryService,
  group: readonly ForeignAnnotation[],
  isTimeUp: () => boolean,
): Promise<{ best: DocumentMatch | null; isComplete: boolean }> {
  const named = group[0]?.documentId
  const candidates = library.list().sort((a, b) => Number(b.id === named) - Number(a.id === named))
  let best: DocumentMatch | null = null
  for (const meta of candidates) {
    if (isTimeUp()) return { best, isComplete: false }
    const opened = await library.open(meta.id)
    if (!opened.ok) continue
    const text = opened.value.content.text
    const found = await anchorAll(group, text, meta.revision.id, meta.id === named, isTimeUp)
    if (found.anchored.length > (best?.anchored.length ?? 0))
      best = { meta, anchored: found.anchored }
    if (!found.isComplete) return { best, isComplete: false }
    // The named document with every passage found needs no rivals.
    if (meta.id === named && found.anchored.length === group.length) break
  }
  return { best, isComplete: true }
}

/**
 * The group's passages found in one text. Each search is bounded (see `anchorBounded`), and the
 * event loop gets a turn between them, so the window's requests are served meanwhile.
 */
async function anchorAll(
  group: readonly ForeignAnnotation[],
  text: string,
  revisionId: string,
  isNamed: boolean,
  isTimeUp: () => boolean,
): Promise<{ anchored: AnchoredAnnotation[]; isComplete: boolean }> {
  // Built only when a position needs converting: indexing a 49 MB text takes about 300 ms.
  let codePoints: CodePointIndex | null = null
  const toStringIndex = (offset: number) =>
    Math.min((codePoints ??= new CodePointIndex(text)).toStringIndex(offset), text.length)
  const anchored: AnchoredAnnotation[] = []
  for (const annotation of group) {
    if (isTimeUp()) return { anchored, isComplete: false }
    const position = annotation.codePointPosition
    const start = position ? toStringIndex(position.start) : 0
    const end = position ? toStringIndex(position.end) : 0
    const found = anchorBounded(
      text,
      {
        quote: { type: 'TextQuoteSelector', ...annotation.quote },
        position: { type: 'TextPositionSelector', start, end },
      },
      isNamed,
    )
    if (found) anchored.push({ annotation, start: found.start, end: found.end, text, revisionId })
    await nextTurn()
  }
  return { anchored, isComplete: true }
}

/** An annotation as the reader would recognise it in a report: the start of its quote. */
function describeAnnotation(annotation: ForeignAnnotation): string {
  const quote = annotation.quote.exact.replace(/\s+/g, ' ').trim()
  return quote.length > 60 ? `“${quote.slice(0, 60)}…”` : `“${quote}”`
}
