import type { CardContent, CardWithStatus, StudyVariant } from '../../../shared/model'
import type { Result } from '../../../shared/ipc/result'
import { api } from './api'

/** The open document's flashcards, and changes to them. */
export class CardsState {
  readonly documentId: string
  cards = $state.raw<readonly CardWithStatus[]>([])
  readonly #onProblem: (message: string) => void

  constructor(documentId: string, onProblem: (message: string) => void) {
    this.documentId = documentId
    this.#onProblem = onProblem
    void this.reload()
  }

  /** Cards made from a highlight. */
  ofHighlight(highlightId: string): CardWithStatus[] {
    return this.cards.filter((entry) => entry.card.highlightId === highlightId)
  }

  async reload(): Promise<void> {
    const result = await api.listCards({ documentId: this.documentId })
    if (this.#succeeded(result)) this.cards = result.value
  }

  async create(highlightId: string | null, content: CardContent): Promise<boolean> {
    return this.#thenReload(
      await api.createCard({ documentId: this.documentId, highlightId, content }),
    )
  }

  async update(cardId: string, content: CardContent): Promise<boolean> {
    return this.#thenReload(await api.updateCard({ documentId: this.documentId, cardId, content }))
  }

  async remove(cardId: string): Promise<boolean> {
    return this.#thenReload(await api.deleteCard({ documentId: this.documentId, cardId }))
  }

  async reset(cardId: string): Promise<boolean> {
    return this.#thenReload(await api.resetCard({ documentId: this.documentId, cardId }))
  }

  async setSuspended(
    cardId: string,
    variant: StudyVariant,
    isSuspended: boolean,
  ): Promise<boolean> {
    return this.#thenReload(
      await api.suspendCard({ documentId: this.documentId, cardId, variant, isSuspended }),
    )
  }

  async #thenReload(result: Result<unknown>): Promise<boolean> {
    if (!this.#succeeded(result)) return false
    await this.reload()
    return true
  }

  #succeeded<T>(result: Result<T>): result is { readonly ok: true; readonly value: T } {
    if (!result.ok) this.#onProblem(result.error.message)
    return result.ok
  }
}
