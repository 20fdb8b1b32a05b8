/** What a card asks. A basic card may also be studied in reverse (back → front). */
export type CardContent =
  | {
      readonly kind: 'basic'
      readonly front: string
      readonly back: string
      readonly isReversible: boolean
    }
  | { readonly kind: 'cloze'; readonly text: string; readonly extra: string }

/** A flashcard the reader wrote, usually from a highlight. */
export interface Card {
  readonly id: string
  readonly documentId: string
  /** The highlight it was made from, or null; the link survives re-anchoring. */
  readonly highlightId: string | null
  readonly content: CardContent
  readonly createdAt: string
  readonly updatedAt: string
}

/**
 * One thing to review: a basic card's front (and back, if reversible), or one cloze number of a
 * cloze card. Each has its own schedule.
 */
export type StudyVariant = 'forward' | 'reverse' | `c${number}`
