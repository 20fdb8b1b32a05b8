import type { Grade } from '../../../shared/domain/scheduling/schedule'
import type { GradeReceipt, StudyItem, StudyQueue } from '../../../shared/model'
import { api } from './api'

/** A review session: the card on screen, the next one already loaded, and undo of the last grade. */
export class ReviewSession {
  queue = $state.raw<StudyQueue | null>(null)
  current = $state.raw<StudyItem | null>(null)
  isAnswerShown = $state(false)
  reviewed = $state(0)
  #lastGrade: { receipt: GradeReceipt; item: StudyItem } | null = null
  readonly #onProblem: (message: string) => void

  constructor(onProblem: (message: string) => void) {
    this.#onProblem = onProblem
  }

  /** Items still to do in this session, the one on screen included. */
  get remaining(): number {
    const counts = this.queue?.counts
    return counts ? counts.new + counts.learning + counts.review : 0
  }

  get canUndo(): boolean {
    return this.#lastGrade !== null
  }

  async start(): Promise<void> {
    await this.#refresh(true)
  }

  showAnswer(): void {
    if (this.current) this.isAnswerShown = true
  }

  /** Grades the card on screen and shows the next one at once (it was loaded with the queue). */
  async grade(grade: Grade): Promise<void> {
    const item = this.current
    if (!item || !this.isAnswerShown) return
    const result = await api.gradeCard({
      documentId: item.documentId,
      cardId: item.card.id,
      variant: item.variant,
      grade,
    })
    if (!result.ok) return this.#onProblem(result.error.message)
    this.#lastGrade = { receipt: result.value, item }
    this.reviewed++
    this.current = this.queue?.items.find((next) => !sameItem(next, item)) ?? null
    this.isAnswerShown = false
    await this.#refresh(false)
  }

  /** Takes back the last grade and shows that card again. */
  async undo(): Promise<void> {
    const last = this.#lastGrade
    if (!last) return
    const result = await api.undoGrade({
      reviewId: last.receipt.reviewId,
      reviewedAt: last.receipt.reviewedAt,
    })
    if (!result.ok) return this.#onProblem(result.error.message)
    this.#lastGrade = null
    this.reviewed = Math.max(0, this.reviewed - 1)
    await this.#refresh(true)
  }

  /** Suspends the card on screen and moves on. */
  async suspend(): Promise<void> {
    const item = this.current
    if (!item) return
    const result = await api.suspendCard({
      documentId: item.documentId,
      cardId: item.card.id,
      variant: item.variant,
      isSuspended: true,
    })
    if (!result.ok) return this.#onProblem(result.error.message)
    this.#lastGrade = null
    await this.#refresh(true)
  }

  /** Hides the card on screen until tomorrow and moves on. */
  async bury(): Promise<void> {
    const item = this.current
    if (!item) return
    const result = await api.buryCard({
      documentId: item.documentId,
      cardId: item.card.id,
      variant: item.variant,
    })
    if (!result.ok) return this.#onProblem(result.error.message)
    this.#lastGrade = null
    await this.#refresh(true)
  }

  /** Reloads the card on screen after it was edited. */
  reload(): Promise<void> {
    return this.#refresh(true)
  }

  async #refresh(isTakingFirst: boolean): Promise<void> {
    const result = await api.getStudyQueue()
    if (!result.ok) return this.#onProblem(result.error.message)
    this.queue = result.value
    const shown = this.current
    const isStillDue = shown && result.value.items.some((i) => sameItem(i, shown))
    if (isTakingFirst || !isStillDue) {
      this.current = result.value.items[0] ?? null
      this.isAnswerShown = false
    }
  }
}

function sameItem(a: StudyItem, b: StudyItem): boolean {
  return a.documentId === b.documentId && a.card.id === b.card.id && a.variant === b.variant
}
