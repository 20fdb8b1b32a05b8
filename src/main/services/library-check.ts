import { itemKey, variantsOf } from '../../shared/domain/cards/variants'
import type { CheckReport } from '../../shared/model'
import type { Services } from './create-services'

/**
 * "Check library" (the menu and `lectern check`): opens every data file (validating it against
 * its schema, recovering a damaged one from its backup), checks every reference and repairs
 * what is safe to repair — nothing is deleted, at most moved aside or unlinked:
 * - a highlight whose position no longer holds its quote is anchored again (or made an orphan);
 * - a card whose highlight is gone keeps its words and loses the link;
 * - a card without schedules gets new ones; schedules of deleted cards are dropped;
 * - a position's evidence that points to a deleted highlight is dropped from it;
 * - a document folder the library does not list is moved to the trash.
 * What cannot be repaired is reported. A second run finds nothing more to repair.
 */
export async function checkLibrary(services: Services): Promise<CheckReport> {
  const { store, library, annotations, cards: cardService, schedules } = services
  const problems: string[] = []
  const repaired: string[] = []
  let highlightCount = 0
  let orphanCount = 0
  let cardCount = 0
  const attempt = async (what: string, repair: () => Promise<void>) => {
    try {
      await repair()
    } catch (error) {
      problems.push(
        `${what} could not be repaired (${error instanceof Error ? error.message : String(error)}).`,
      )
    }
  }
  for (const doc of library.list()) {
    const name = `“${doc.title}”`
    const opened = await library.open(doc.id)
    if (!opened.ok) {
      problems.push(`${name}: ${opened.error.message}`)
      continue
    }
    const anchors = await annotations.repairAnchors(doc.id)
    if (!anchors.ok) problems.push(`${name}: ${anchors.error.message}`)
    else if (anchors.value.moved + anchors.value.orphaned > 0)
      repaired.push(
        `${name}: ${anchors.value.moved} highlights were not where their text is and were anchored again${anchors.value.orphaned ? `; ${anchors.value.orphaned} wait to be re-attached` : ''}.`,
      )
    const loaded = await annotations.load(doc.id)
    if (!loaded.ok) {
      problems.push(`${name}: ${loaded.error.message}`)
      continue
    }
    const highlightIds = new Set(loaded.value.highlights.map((h) => h.id))
    highlightCount += highlightIds.size
    orphanCount += loaded.value.highlights.filter((h) => h.status === 'orphan').length

    const cardFile = await store.cards(doc.id, doc.title)
    cardCount += cardFile.data.cards.length
    const unlinked = cardFile.data.cards.filter(
      (card) => card.highlightId && !highlightIds.has(card.highlightId),
    )
    if (unlinked.length > 0)
      await attempt(`${name}: cards pointing to deleted highlights`, async () => {
        const ids = new Set(unlinked.map((card) => card.id))
        await cardFile.update((draft) => {
          draft.cards = draft.cards.map((card) =>
            ids.has(card.id) ? { ...card, highlightId: null } : card,
          )
        })
        repaired.push(
          `${name}: ${unlinked.length} cards pointed to deleted highlights; they keep their words.`,
        )
      })

    // A card saved without its schedules (a crash between the two writes) studies as new;
    // giving it stored ones is safe. Schedules of deleted cards are dropped.
    const view = await schedules.view(doc.id, doc.title)
    const missing = cardFile.data.cards.filter((card) =>
      variantsOf(card.content).some((variant) => !view.get(card.id, variant)),
    )
    const known = new Set(
      cardFile.data.cards.flatMap((card) =>
        variantsOf(card.content).map((v) => itemKey(card.id, v)),
      ),
    )
    const stray = [...view.entries()].filter(([key]) => !known.has(key))
    if (missing.length > 0)
      await attempt(`${name}: missing schedules`, async () => {
        await schedules.sync(doc.id, doc.title, missing, services.now())
        repaired.push(`${name}: gave ${missing.length} cards their missing schedules.`)
      })
    if (stray.length > 0)
      await attempt(`${name}: schedules of deleted cards`, async () => {
        await schedules.change(doc.id, doc.title, new Map(stray.map(([key]) => [key, () => null])))
        repaired.push(`${name}: removed ${stray.length} schedules of deleted cards.`)
      })

    const positionFile = await store.positions(doc.id, doc.title)
    const dangling = positionFile.data.positions.filter((p) =>
      p.evidence.some((id) => !highlightIds.has(id)),
    )
    if (dangling.length > 0)
      await attempt(`${name}: positions citing deleted highlights`, async () => {
        await positionFile.update((draft) => {
          draft.positions = draft.positions.map((p) => ({
            ...p,
            evidence: p.evidence.filter((id) => highlightIds.has(id)),
          }))
        })
        repaired.push(
          `${name}: ${dangling.length} positions cited deleted highlights; those citations were dropped.`,
        )
      })

    const listed = await cardService.list(doc.id)
    if (!listed.ok) problems.push(`${name}: ${listed.error.message}`)
  }

  const listedIds = new Set(library.list().map((doc) => doc.id))
  for (const folder of await store.documentFolders()) {
    if (listedIds.has(folder)) continue
    await attempt(`The folder documents/${folder}`, async () => {
      const trashName = await store.trashDocumentFolder(folder)
      repaired.push(
        `The folder documents/${folder} belonged to no document in your library; it was moved to trash/${trashName}.`,
      )
    })
  }

  let reviews = 0
  // Reviews of deleted cards and documents are history, kept on purpose: counted, not problems.
  for (const period of await store.reviewPeriods())
    reviews += (await store.reviews(period)).data.entries.length
  return {
    documents: library.list().length,
    highlights: highlightCount,
    orphans: orphanCount,
    cards: cardCount,
    reviews,
    notices: store.notices.map((notice) => `${notice.title}: ${notice.message}`),
    repaired,
    problems,
  }
}
