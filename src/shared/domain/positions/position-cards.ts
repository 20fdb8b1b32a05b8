import type { CardContent } from '../../model/card'
import type { Actor, Position } from '../../model/position'

/** A card generated from a position, with the id that makes re-generating update it. */
export interface PositionCard {
  readonly id: string
  readonly highlightId: string | null
  readonly content: CardContent
}

/** A short, stable, id-safe fingerprint of a string (FNV-1a, 32 bits, base 36). */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36)
}

/**
 * The cards of a position: what does this actor want (actor → position), and for each quoted
 * passage, who said it (quote → actor). Ids derive from the position and the passage, so making
 * the cards again updates them.
 */
export function cardsForPosition(
  position: Position,
  actor: Actor,
  topic: string,
  quoteOf: (highlightId: string) => string | null,
): PositionCard[] {
  const who = actor.role ? `${actor.name} (${actor.role})` : actor.name
  const about = topic ? ` on ${topic}` : ''
  const cards: PositionCard[] = [
    {
      id: `pos-${fingerprint(position.id)}-want`,
      highlightId: position.evidence[0] ?? null,
      content: {
        kind: 'basic',
        front: `What is the position of ${who}${about}?`,
        back: position.summary,
        isReversible: false,
      },
    },
  ]
  for (const highlightId of position.evidence) {
    const quote = quoteOf(highlightId)
    if (!quote) continue
    cards.push({
      id: `pos-${fingerprint(position.id)}-who-${fingerprint(highlightId)}`,
      highlightId,
      content: {
        kind: 'basic',
        front: `Who holds this view: “${quote}”?`,
        back: who,
        isReversible: false,
      },
    })
  }
  return cards
}
