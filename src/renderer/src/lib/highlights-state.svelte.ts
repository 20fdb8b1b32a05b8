import { IntervalIndex } from '../../../shared/domain/intervals/interval-index'
import type { Result } from '../../../shared/ipc/result'
import type {
  Highlight,
  HighlightChanges,
  OpenedDocument,
  ReanchorReport,
} from '../../../shared/model'
import { api } from './api'
import { UndoHistory } from './undo-history'

/** The open document's highlights and notes, and every change to them, undoable. */
export class HighlightsState {
  readonly documentId: string
  highlights = $state.raw<readonly Highlight[]>([])
  report = $state.raw<ReanchorReport | null>(null)
  /** The highlight the keyboard is on; painted with an underline. */
  focusedId = $state<string | null>(null)
  hoveredId = $state<string | null>(null)
  /** An orphan waiting for the reader to select its new passage. */
  reattachingId = $state<string | null>(null)
  /** A passage flashing to catch the eye (arriving from the positions view, a review, a search). */
  flashing = $state<{ start: number; end: number } | null>(null)
  /** The highlight whose note is open for editing in the side pane. */
  editingId = $state<string | null>(null)
  /** Read out by the reader's live region. */
  announcement = $state('')
  /** Where each painted highlight's first line is, in pixels from the top of the text. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built whole, then assigned to $state.raw; never mutated
  tops = $state.raw<ReadonlyMap<string, number>>(new Map())
  /** False until `tops` is first measured (just after the text's first frame). */
  areTopsMeasured = $state(false)
  /** How far the text is scrolled, for notes that sit level with their highlights. */
  scrollTop = $state(0)
  /** Where the top of the text is on screen when it is not scrolled, in pixels. */
  textOrigin = $state(0)

  /** Anchored highlights in reading order. */
  readonly anchored = $derived(
    this.highlights
      .filter((h) => h.status === 'anchored')
      .toSorted(
        (a, b) =>
          a.selectors.position.start - b.selectors.position.start ||
          a.selectors.position.end - b.selectors.position.end,
      ),
  )
  readonly orphans = $derived(this.highlights.filter((h) => h.status === 'orphan'))
  readonly #index = $derived(
    new IntervalIndex(
      this.anchored.map((h) => ({
        id: h.id,
        start: h.selectors.position.start,
        end: h.selectors.position.end,
      })),
    ),
  )
  readonly #history = new UndoHistory()
  readonly #onProblem: (message: string) => void

  constructor(opened: OpenedDocument, onProblem: (message: string) => void) {
    this.documentId = opened.meta.id
    this.highlights = opened.annotations.highlights
    this.report = opened.annotations.report ?? null
    this.#onProblem = onProblem
  }

  /** The highlight with this id. */
  byId(id: string | null): Highlight | undefined {
    return id ? this.highlights.find((h) => h.id === id) : undefined
  }

  /** Highlights covering a document offset, innermost first. */
  at(offset: number): Highlight[] {
    return this.#index.at(offset).flatMap((interval) => this.byId(interval.id) ?? [])
  }

  /** Focuses a highlight and flashes it twice. */
  flash(id: string): void {
    const highlight = this.byId(id)
    this.focusedId = id
    if (highlight)
      this.flashRange(highlight.selectors.position.start, highlight.selectors.position.end)
  }

  /** Flashes a passage twice (it is scrolled into view while it flashes). */
  flashRange(start: number, end: number): void {
    const steps = [{ start, end }, null, { start, end }, null]
    steps.forEach((value, index) => setTimeout(() => (this.flashing = value), index * 350))
  }

  /** Highlights `[start, end)`; undoable. */
  async create(start: number, end: number, labelId: string): Promise<Highlight | null> {
    const result = await api.createHighlight({ documentId: this.documentId, start, end, labelId })
    if (!this.#succeeded(result)) return null
    const created = result.value
    this.#put(created)
    this.#history.record({
      label: 'Highlight',
      undo: async () => this.#removeQuietly(created.id),
      redo: async () => this.#restoreQuietly(created),
    })
    this.focusedId = created.id
    this.announcement = `Highlighted: “${excerpt(created.selectors.quote.exact)}”.`
    return created
  }

  /** Recolours a highlight or changes its note or tags; undoable. */
  async update(id: string, changes: HighlightChanges): Promise<boolean> {
    const before = this.byId(id)
    if (!before) return false
    const result = await api.updateHighlight({
      documentId: this.documentId,
      highlightId: id,
      changes,
    })
    if (!this.#succeeded(result)) return false
    const after = result.value
    this.#put(after)
    this.#history.record({
      label:
        changes.note !== undefined ? 'Note change' : changes.tags ? 'Tag change' : 'Colour change',
      undo: async () => this.#restoreQuietly(before),
      redo: async () => this.#restoreQuietly(after),
    })
    return true
  }

  /** Deletes a highlight and its note; undoable. */
  async remove(id: string): Promise<boolean> {
    const removed = this.byId(id)
    if (!removed || !(await this.#removeQuietly(id))) return false
    this.#history.record({
      label: 'Deletion',
      undo: async () => this.#restoreQuietly(removed),
      redo: async () => this.#removeQuietly(removed.id),
    })
    this.announcement = 'Highlight deleted. Press Control+Z to undo.'
    return true
  }

  /** Attaches the orphan being re-attached to `[start, end)`; undoable. */
  async reattach(start: number, end: number): Promise<boolean> {
    const before = this.byId(this.reattachingId)
    if (!before) return false
    const result = await api.reattachHighlight({
      documentId: this.documentId,
      highlightId: before.id,
      start,
      end,
    })
    if (!this.#succeeded(result)) return false
    const after = result.value
    this.reattachingId = null
    this.#put(after)
    this.#history.record({
      label: 'Re-attachment',
      undo: async () => this.#restoreQuietly(before),
      redo: async () => this.#restoreQuietly(after),
    })
    this.focusedId = after.id
    this.announcement = `Re-attached to “${excerpt(after.selectors.quote.exact)}”.`
    return true
  }

  /** Hides the re-anchoring report. */
  async dismissReport(): Promise<void> {
    if (this.#succeeded(await api.dismissReanchorReport({ documentId: this.documentId })))
      this.report = null
  }

  async undo(): Promise<void> {
    const label = await this.#history.undo()
    this.announcement = label ? `${label} undone.` : 'Nothing to undo.'
  }

  async redo(): Promise<void> {
    const label = await this.#history.redo()
    this.announcement = label ? `${label} redone.` : 'Nothing to redo.'
  }

  /**
   * Moves the keyboard to the next (+1) or previous (-1) highlight in reading order and has it
   * read out: its place, its colour's meaning, its words and its note.
   */
  focusStep(
    direction: 1 | -1,
    labelName: (labelId: string) => string | undefined = () => undefined,
  ): Highlight | undefined {
    const list = this.anchored
    if (list.length === 0) {
      this.announcement = 'This document has no highlights yet.'
      return undefined
    }
    const current = list.findIndex((h) => h.id === this.focusedId)
    const next =
      current < 0
        ? direction > 0
          ? 0
          : list.length - 1
        : (current + direction + list.length) % list.length
    const highlight = list[next]!
    this.focusedId = highlight.id
    const note = highlight.note.trim() ? ` Note: ${highlight.note.trim()}` : ' No note.'
    const label = labelName(highlight.labelId)
    this.announcement = `Highlight ${next + 1} of ${list.length}${label ? `, ${label}` : ''}: “${excerpt(highlight.selectors.quote.exact)}”.${note} Press Enter for its note.`
    return highlight
  }

  async #removeQuietly(id: string): Promise<boolean> {
    if (
      !this.#succeeded(await api.deleteHighlight({ documentId: this.documentId, highlightId: id }))
    )
      return false
    this.highlights = this.highlights.filter((h) => h.id !== id)
    if (this.focusedId === id) this.focusedId = null
    return true
  }

  async #restoreQuietly(highlight: Highlight): Promise<boolean> {
    const result = await api.restoreHighlight({ documentId: this.documentId, highlight })
    if (this.#succeeded(result)) this.#put(result.value)
    return result.ok
  }

  #put(highlight: Highlight): void {
    this.highlights = [...this.highlights.filter((h) => h.id !== highlight.id), highlight]
  }

  /** True on success; otherwise tells the reader what went wrong. */
  #succeeded<T>(result: Result<T>): result is { readonly ok: true; readonly value: T } {
    if (!result.ok) this.#onProblem(result.error.message)
    return result.ok
  }
}

/** The first words of a quote, for announcements and cards. */
export function excerpt(text: string, length = 80): string {
  return text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, '')}…`
}
