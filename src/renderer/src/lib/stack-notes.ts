/** A note card that wants to sit level with its highlight. */
export interface NoteSlot {
  readonly id: string
  /** Top of the highlight, in pixels from the top of the text. */
  readonly top: number
  readonly height: number
}

/**
 * Places each card level with its highlight, pushing a card down just enough not to overlap the
 * one above it, and never above `firstTop` (where the notes column begins to show: a card
 * higher up would be cut off at the top of the document). Cards keep reading order.
 */
export function stackNotes(
  slots: readonly NoteSlot[],
  gap: number,
  firstTop = Number.NEGATIVE_INFINITY,
): Map<string, number> {
  const placed = new Map<string, number>()
  let nextFree = firstTop
  for (const slot of [...slots].sort((a, b) => a.top - b.top)) {
    const top = Math.max(slot.top, nextFree)
    placed.set(slot.id, top)
    nextFree = top + slot.height + gap
  }
  return placed
}
