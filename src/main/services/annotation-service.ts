import { describe, reanchorHighlights } from '../../shared/domain/anchoring'
import { createHash } from 'node:crypto'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { DocumentAnnotations, Highlight, HighlightChanges } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import { highlightSchema, type AnnotationsFile } from '../store/schema'
import { applyChange } from './apply-change'
import { storageFailure } from './storage-failure'

/** What the annotation service needs, passed in by the composition root. */
export interface AnnotationServiceDeps {
  readonly store: DataStore
  readonly now: () => string
  readonly newId: () => string
}

/** What `upsertMany` did with each imported highlight, counted. */
export interface UpsertOutcome {
  readonly created: number
  readonly updated: number
  /** Already stored exactly so. */
  readonly unchanged: number
  /** The stored highlight was modified as late or later (or the imported one has no time): kept. */
  readonly keptNewer: number
  /** Imported ids that named a highlight of another passage, and the id each was stored under. */
  readonly addedAsNew: readonly { readonly id: string; readonly storedAs: string }[]
}

type Failure = 'not-found' | 'invalid-passage' | 'unknown-label' | 'storage-failed' | 'read-only'

/**
 * Highlights and notes of documents, one annotations file per document. Every change is durable
 * before its promise resolves, so the window only says "saved" once it is.
 */
export class AnnotationService {
  readonly #deps: AnnotationServiceDeps

  constructor(deps: AnnotationServiceDeps) {
    this.#deps = deps
  }

  /** A document's highlights, re-anchored first if the text changed since they were saved. */
  async load(documentId: string): Promise<Result<DocumentAnnotations, Failure>> {
    const reanchored = await this.reanchor(documentId)
    if (!reanchored.ok) return reanchored
    const { highlights, report } = reanchored.value
    return ok({ highlights, ...(report ? { report } : {}) })
  }

  /** Highlights the passage `[start, end)` of the document's current text. */
  async create(input: {
    documentId: string
    start: number
    end: number
    labelId: string
  }): Promise<Result<Highlight, Failure>> {
    const context = await this.#context(input.documentId)
    if (!context.ok) return context
    const { text, revisionId } = context.value
    if (!this.#labelExists(input.labelId))
      return fail('unknown-label', 'That highlight colour no longer exists.')
    if (!(input.start < input.end && input.end <= text.length)) {
      return fail('invalid-passage', 'The selected passage is not part of this document’s text.')
    }
    const now = this.#deps.now()
    const highlight: Highlight = {
      id: this.#deps.newId(),
      documentId: input.documentId,
      labelId: input.labelId,
      selectors: describe(text, input.start, input.end),
      revisionId,
      status: 'anchored',
      note: '',
      tags: [],
      createdAt: now,
      updatedAt: now,
    }
    return this.#write(input.documentId, 'the new highlight', (file) => {
      file.highlights.push(highlight)
      return highlight
    })
  }

  /**
   * Adds highlights made elsewhere (an annotation import) in one durable write. One with the id of
   * an existing highlight of the same passage replaces it only when it was modified later (and is
   * not in `undatedIds`, whose times are unknown): older or equal work never overwrites newer. One
   * whose id names a highlight of another passage is added beside it under an id derived from
   * both, so importing the same file twice changes nothing, and then nothing is written.
   */
  async upsertMany(
    documentId: string,
    highlights: readonly Highlight[],
    options: { readonly undatedIds?: ReadonlySet<string> } = {},
  ): Promise<Result<UpsertOutcome, Failure>> {
    if (highlights.some((h) => h.documentId !== documentId || !this.#labelExists(h.labelId)))
      return fail('invalid-passage', 'An imported highlight does not fit this document.')
    // The store reads the file back with this schema: nothing it would refuse may be written.
    if (highlights.some((h) => !highlightSchema.safeParse(h).success))
      return fail(
        'invalid-passage',
        'An imported highlight holds a value Lectern cannot keep, so nothing was imported.',
      )
    const meta = this.#deps.store.library.data.documents.find((doc) => doc.id === documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    const file = await this.#deps.store.annotations(documentId, meta.title)
    const merge = (stored: readonly Highlight[]) =>
      mergeImported(stored, highlights, options.undatedIds ?? new Set(), this.#deps.newId)
    const preview = merge(file.data.highlights)
    if (!preview.hasChanges) return ok(preview.outcome)
    return applyChange(
      file,
      (draft) => {
        const merged = merge(draft.highlights)
        draft.highlights = [...merged.highlights]
        return merged.outcome
      },
      'the imported highlights',
      'That document is no longer in your library.',
    )
  }

  /** Recolours a highlight or changes its note or tags. */
  async update(
    documentId: string,
    highlightId: string,
    changes: HighlightChanges,
  ): Promise<Result<Highlight, Failure>> {
    if (changes.labelId !== undefined && !this.#labelExists(changes.labelId)) {
      return fail('unknown-label', 'That highlight colour no longer exists.')
    }
    return this.#write(documentId, 'your change to the highlight', (file) => {
      const index = file.highlights.findIndex((h) => h.id === highlightId)
      const current = file.highlights[index]
      if (!current) return null
      const tags = changes.tags
        ? [...new Set(changes.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))]
        : current.tags
      const updated = { ...current, ...changes, tags, updatedAt: this.#deps.now() }
      file.highlights[index] = updated
      return updated
    })
  }

  /** Deletes a highlight and its note. */
  async remove(documentId: string, highlightId: string): Promise<Result<null, Failure>> {
    const removed = await this.#write(documentId, 'the deletion', (file) => {
      const index = file.highlights.findIndex((h) => h.id === highlightId)
      if (index < 0) return null
      file.highlights.splice(index, 1)
      return highlightId
    })
    return removed.ok ? ok(null) : removed
  }

  /** Puts back a highlight exactly as it was (undo of a delete, redo of a create). */
  async restore(documentId: string, highlight: Highlight): Promise<Result<Highlight, Failure>> {
    if (highlight.documentId !== documentId)
      return fail('invalid-passage', 'That highlight belongs to another document.')
    const result = await this.#write(documentId, 'the restored highlight', (file) => {
      file.highlights = [...file.highlights.filter((h) => h.id !== highlight.id), highlight]
      return highlight
    })
    if (!result.ok) return result
    // It may have been made on an older revision of the text: anchor it to the current one.
    const reanchored = await this.reanchor(documentId)
    if (!reanchored.ok) return reanchored
    return ok(reanchored.value.highlights.find((h) => h.id === highlight.id) ?? highlight)
  }

  /** Attaches a highlight (an orphan, usually) to a passage the reader selected. */
  async reattach(input: {
    documentId: string
    highlightId: string
    start: number
    end: number
  }): Promise<Result<Highlight, Failure>> {
    const context = await this.#context(input.documentId)
    if (!context.ok) return context
    const { text, revisionId } = context.value
    if (!(input.start < input.end && input.end <= text.length)) {
      return fail('invalid-passage', 'The selected passage is not part of this document’s text.')
    }
    return this.#write(input.documentId, 'the re-attached highlight', (file) => {
      const index = file.highlights.findIndex((h) => h.id === input.highlightId)
      const current = file.highlights[index]
      if (!current) return null
      const updated: Highlight = {
        ...current,
        selectors: describe(text, input.start, input.end),
        revisionId,
        status: 'anchored',
        updatedAt: this.#deps.now(),
      }
      file.highlights[index] = updated
      if (file.report)
        file.report = {
          ...file.report,
          orphaned: file.report.orphaned.filter((id) => id !== current.id),
        }
      return updated
    })
  }

  /** The reader has read the re-anchoring report. */
  async dismissReport(documentId: string): Promise<Result<null, Failure>> {
    const result = await this.#write(documentId, 'that', (file) => {
      delete file.report
      return documentId
    })
    return result.ok ? ok(null) : result
  }

  /** Re-anchors highlights made on an older revision to the current text, and records a report. */
  async reanchor(documentId: string): Promise<Result<AnnotationsFile, Failure>> {
    const context = await this.#context(documentId)
    if (!context.ok) return context
    const { text, revisionId, title } = context.value
    const file = await this.#deps.store.annotations(documentId, title)
    // Orphans keep their old revision; they are tried again once per new revision of the text.
    const isStale =
      file.data.checkedRevisionId !== revisionId &&
      file.data.highlights.some((h) => h.revisionId !== revisionId)
    if (!isStale || file.isReadOnly) return ok(file.data)
    try {
      return ok(
        await file.update((draft) => {
          const { highlights, report } = reanchorHighlights(
            draft.highlights,
            text,
            revisionId,
            this.#deps.now(),
          )
          draft.highlights = highlights
          draft.report = report
          draft.checkedRevisionId = revisionId
        }),
      )
    } catch (error) {
      return storageFailure(error, `the highlights of “${title}”`)
    }
  }

  /**
   * Checks that every anchored highlight's position still holds its quote, and anchors again the
   * ones that do not (a file edited by hand or by another program): by quote and context, or as
   * orphans when the passage is gone. Resolves to how many were moved and orphaned.
   */
  async repairAnchors(
    documentId: string,
  ): Promise<Result<{ moved: number; orphaned: number }, Failure>> {
    const context = await this.#context(documentId)
    if (!context.ok) return context
    const { text, revisionId, title } = context.value
    const file = await this.#deps.store.annotations(documentId, title)
    const isMisplaced = (h: Highlight) =>
      h.status === 'anchored' &&
      h.revisionId === revisionId &&
      text.slice(h.selectors.position.start, h.selectors.position.end) !== h.selectors.quote.exact
    const misplaced = new Set(file.data.highlights.filter(isMisplaced).map((h) => h.id))
    if (misplaced.size === 0) return ok({ moved: 0, orphaned: 0 })
    try {
      let orphaned = 0
      await file.update((draft) => {
        // Marked as of no revision, the misplaced ones are anchored afresh; the rest are kept.
        const marked = draft.highlights.map((h) =>
          misplaced.has(h.id) ? { ...h, revisionId: '' } : h,
        )
        const { highlights, report } = reanchorHighlights(
          marked,
          text,
          revisionId,
          this.#deps.now(),
        )
        orphaned = report.orphaned.length
        draft.highlights = highlights
      })
      return ok({ moved: misplaced.size - orphaned, orphaned })
    } catch (error) {
      return storageFailure(error, `the highlights of “${title}”`)
    }
  }

  async #write<T>(
    documentId: string,
    what: string,
    change: (file: AnnotationsFile) => T | null,
  ): Promise<Result<T, Failure>> {
    const meta = this.#deps.store.library.data.documents.find((doc) => doc.id === documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    const file = await this.#deps.store.annotations(documentId, meta.title)
    return applyChange(file, change, what, 'That highlight no longer exists.')
  }

  async #context(
    documentId: string,
  ): Promise<Result<{ text: string; revisionId: string; title: string }, Failure>> {
    const meta = this.#deps.store.library.data.documents.find((doc) => doc.id === documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    const content = await this.#deps.store.content(documentId, meta.title)
    if (!content) return fail('not-found', `The text of “${meta.title}” is missing.`)
    return ok({ text: content.data.text, revisionId: content.data.revision.id, title: meta.title })
  }

  #labelExists(labelId: string): boolean {
    return this.#deps.store.library.data.settings.highlightLabels.some(
      (label) => label.id === labelId,
    )
  }
}

/** The stored highlights with the imported ones merged in (see `upsertMany`), and what happened. */
function mergeImported(
  stored: readonly Highlight[],
  incoming: readonly Highlight[],
  undatedIds: ReadonlySet<string>,
  newId: () => string,
): { highlights: readonly Highlight[]; outcome: UpsertOutcome; hasChanges: boolean } {
  const highlights = [...stored]
  const indexById = new Map(highlights.map((h, index) => [h.id, index]))
  const existingAt = (id: string) => {
    const index = indexById.get(id)
    return index === undefined ? undefined : { index, highlight: highlights[index]! }
  }
  let created = 0
  let updated = 0
  let unchanged = 0
  let keptNewer = 0
  const addedAsNew: { id: string; storedAs: string }[] = []
  for (const imported of incoming) {
    let candidate = imported
    let existing = existingAt(imported.id)
    if (existing && !isSamePassage(existing.highlight, imported)) {
      // Another passage under a known id is not that highlight: it is kept beside it, never over it.
      candidate = { ...imported, id: derivedId(imported) }
      existing = existingAt(candidate.id)
      if (existing && !isSamePassage(existing.highlight, candidate)) {
        candidate = { ...imported, id: newId() }
        existing = undefined
      }
      if (!existing) addedAsNew.push({ id: imported.id, storedAs: candidate.id })
    }
    if (!existing) {
      indexById.set(candidate.id, highlights.length)
      highlights.push(candidate)
      created++
    } else if (
      !undatedIds.has(imported.id) &&
      Date.parse(candidate.updatedAt) > Date.parse(existing.highlight.updatedAt)
    ) {
      highlights[existing.index] = candidate
      updated++
    } else if (hasSameContent(existing.highlight, candidate)) unchanged++
    else keptNewer++
  }
  return {
    highlights,
    outcome: { created, updated, unchanged, keptNewer, addedAsNew },
    hasChanges: created + updated > 0,
  }
}

/**
 * The same passage: the same quote, at the same place when both are on the same revision of the
 * text (on different revisions the stored position is from the older text and cannot compare).
 */
function isSamePassage(stored: Highlight, imported: Highlight): boolean {
  const [a, b] = [stored.selectors, imported.selectors]
  return (
    a.quote.exact === b.quote.exact &&
    (stored.revisionId !== imported.revisionId ||
      (a.position.start === b.position.start && a.position.end === b.position.end))
  )
}

function hasSameContent(a: Highlight, b: Highlight): boolean {
  return (
    a.labelId === b.labelId &&
    a.note === b.note &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, index) => tag === b.tags[index])
  )
}

/** A stable id for an imported highlight whose id is taken by another passage (≤ 64 characters). */
function derivedId(highlight: Highlight): string {
  const { quote, position } = highlight.selectors
  const basis = `${highlight.id}|${position.start}|${position.end}|${quote.exact}`
  return `imported-${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`
}
