import { describe, reanchorHighlights } from '../../shared/domain/anchoring'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { DocumentAnnotations, Highlight, HighlightChanges } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import type { AnnotationsFile } from '../store/schema'
import { applyChange } from './apply-change'
import { storageFailure } from './storage-failure'

/** What the annotation service needs, passed in by the composition root. */
export interface AnnotationServiceDeps {
  readonly store: DataStore
  readonly now: () => string
  readonly newId: () => string
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
   * Adds highlights made elsewhere (an annotation import) in one durable write; one with the id
   * of an existing highlight replaces it, so importing the same file twice changes nothing.
   */
  async upsertMany(
    documentId: string,
    highlights: readonly Highlight[],
  ): Promise<Result<{ created: number; updated: number }, Failure>> {
    if (highlights.some((h) => h.documentId !== documentId || !this.#labelExists(h.labelId)))
      return fail('invalid-passage', 'An imported highlight does not fit this document.')
    return this.#write(documentId, 'the imported highlights', (file) => {
      const indexById = new Map(file.highlights.map((h, index) => [h.id, index]))
      let created = 0
      for (const highlight of highlights) {
        const index = indexById.get(highlight.id)
        if (index !== undefined) file.highlights[index] = highlight
        else {
          indexById.set(highlight.id, file.highlights.length)
          file.highlights.push(highlight)
          created++
        }
      }
      return { created, updated: highlights.length - created }
    })
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
