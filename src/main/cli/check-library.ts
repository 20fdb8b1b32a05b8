import { itemKey, variantsOf } from '../../shared/domain/cards/variants'
import type { Services } from '../services/create-services'

/** What `lectern check` found. */
export interface CheckReport {
  readonly documents: number
  readonly highlights: number
  readonly cards: number
  readonly reviews: number
  /** Recoveries done while opening the files. */
  readonly notices: readonly string[]
  /** References that do not hold, in words. */
  readonly problems: readonly string[]
}

/**
 * Opens every data file (validating it against its schema, recovering a damaged one from its
 * backup) and checks every reference: text → document, highlight → text (re-anchored),
 * card → highlight, schedule → card, review → card.
 */
export async function checkLibrary(services: Services): Promise<CheckReport> {
  const { store, library, annotations, cards: cardService } = services
  const problems: string[] = []
  let highlightCount = 0
  let cardCount = 0
  const cardIds = new Set<string>()
  for (const doc of library.list()) {
    const opened = await library.open(doc.id)
    if (!opened.ok) {
      problems.push(`“${doc.title}”: ${opened.error.message}`)
      continue
    }
    const loaded = await annotations.load(doc.id)
    const highlightIds = new Set(loaded.ok ? loaded.value.highlights.map((h) => h.id) : [])
    highlightCount += highlightIds.size
    const orphans = loaded.ok ? loaded.value.highlights.filter((h) => h.status === 'orphan') : []
    if (orphans.length > 0)
      problems.push(
        `“${doc.title}”: ${orphans.length} highlights are no longer in the text and wait to be re-attached.`,
      )
    const cardFile = await store.cards(doc.id, doc.title)
    for (const card of cardFile.data.cards) {
      cardCount++
      cardIds.add(`${doc.id}/${card.id}`)
      if (card.highlightId && !highlightIds.has(card.highlightId))
        problems.push(
          `“${doc.title}”: card ${card.id} points to a highlight that no longer exists.`,
        )
      for (const variant of variantsOf(card.content)) {
        if (!cardFile.data.schedules[itemKey(card.id, variant)])
          problems.push(`“${doc.title}”: card ${card.id} (${variant}) has no schedule.`)
      }
    }
    const listed = await cardService.list(doc.id)
    if (!listed.ok) problems.push(`“${doc.title}”: ${listed.error.message}`)
  }
  let reviews = 0
  for (const month of await store.reviewMonths()) {
    for (const entry of (await store.reviews(month)).data.entries) {
      reviews++
      if (!cardIds.has(`${entry.documentId}/${entry.cardId}`)) continue // the card was deleted; its history stays
    }
  }
  return {
    documents: library.list().length,
    highlights: highlightCount,
    cards: cardCount,
    reviews,
    notices: store.notices.map((notice) => `${notice.title}: ${notice.message}`),
    problems,
  }
}
