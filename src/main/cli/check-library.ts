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
  /** What was safe to repair and was repaired, in words. */
  readonly repaired: readonly string[]
  /** References that do not hold, in words. */
  readonly problems: readonly string[]
}

/**
 * Opens every data file (validating it against its schema, recovering a damaged one from its
 * backup) and checks every reference: text → document, highlight → text (re-anchored),
 * card → highlight, schedule → card, review → card.
 */
export async function checkLibrary(services: Services): Promise<CheckReport> {
  const { store, library, annotations, cards: cardService, schedules } = services
  const problems: string[] = []
  const repaired: string[] = []
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
    }
    // A card saved without its schedules (a crash between the two writes) studies as new;
    // giving it stored ones is safe. Schedules of deleted cards are dropped.
    const view = await schedules.view(doc.id, doc.title)
    const missing = cardFile.data.cards.filter((card) =>
      variantsOf(card.content).some((variant) => !view.get(card.id, variant)),
    )
    const known = new Set(
      cardFile.data.cards.flatMap((card) =>
        variantsOf(card.content).map((variant) => itemKey(card.id, variant)),
      ),
    )
    const stray = [...view.entries()].filter(([key]) => !known.has(key))
    try {
      if (missing.length > 0) {
        await schedules.sync(doc.id, doc.title, missing, services.now())
        repaired.push(`“${doc.title}”: gave ${missing.length} cards their missing schedules.`)
      }
      if (stray.length > 0) {
        await schedules.change(doc.id, doc.title, new Map(stray.map(([key]) => [key, () => null])))
        repaired.push(`“${doc.title}”: removed ${stray.length} schedules of deleted cards.`)
      }
    } catch (error) {
      problems.push(`“${doc.title}”: the schedules could not be repaired (${String(error)}).`)
    }
    const listed = await cardService.list(doc.id)
    if (!listed.ok) problems.push(`“${doc.title}”: ${listed.error.message}`)
  }
  let reviews = 0
  for (const month of await store.reviewPeriods()) {
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
    repaired,
    problems,
  }
}
