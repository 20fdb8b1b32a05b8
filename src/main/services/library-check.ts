import { randomUUID } from 'node:crypto'
import { itemKey, variantsOf } from '../../shared/domain/cards/variants'
import type { CheckReport, DocumentMeta } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import type { Services } from './create-services'
import { newItemSchedule } from './new-item-schedule'
import { relistDocumentFolders, relistNotice } from './reconcile-library'
import { logKey, ReviewLog } from './review-log'
import type { ScheduleChange } from './schedule-book'

/** The notices of opening each store that a check has already reported. */
const toldNotices = new WeakMap<DataStore, Set<string>>()

/** Collects what a check repaired and what it could not. */
class CheckLog {
  readonly repaired: string[] = []
  readonly problems: string[] = []
  readonly #isReadOnly: boolean

  constructor(isReadOnly: boolean) {
    this.#isReadOnly = isReadOnly
  }

  /** Runs a repair, or — in a library open read-only — reports that it is needed. */
  async attempt(what: string, repair: () => Promise<string>): Promise<void> {
    if (this.#isReadOnly) {
      this.problems.push(
        `${what} needs repair, but the library is open read-only: nothing was changed.`,
      )
      return
    }
    try {
      this.repaired.push(await repair())
    } catch (error) {
      this.problems.push(
        `${what} could not be repaired (${error instanceof Error ? error.message : String(error)}).`,
      )
    }
  }
}

/**
 * "Check library" (the menu and `lectern check`): opens every data file (validating it against
 * its schema, repairing a damaged one record by record), checks every reference and repairs what
 * is safe to repair. Nothing is ever deleted or moved to the trash:
 * - a document folder the library does not list is listed again;
 * - duplicate library entries of one document become one; duplicate highlight ids are made unique;
 * - a highlight whose position no longer holds its quote is anchored again (or made an orphan);
 * - a card whose highlight is gone keeps its words and loses the link;
 * - a card without schedules gets new ones; schedules of deleted cards are dropped;
 * - a position's evidence that points to a deleted highlight is dropped from it.
 * In a library open read-only (in use elsewhere, or from a newer Lectern) nothing is repaired.
 * Data lost while opening is a problem, not a repair. A second run finds nothing more to repair.
 */
export async function checkLibrary(services: Services): Promise<CheckReport> {
  const { store, library } = services
  const log = new CheckLog(store.library.isReadOnly)
  await checkListing(services, log)
  const totals = { highlights: 0, orphans: 0, cards: 0 }
  for (const doc of library.list()) await checkDocument(services, doc, log, totals)

  let reviews = 0
  // Reviews of deleted cards and documents are history, kept on purpose: counted, not problems.
  for (const period of await store.reviewPeriods())
    reviews += (await store.reviews(period)).data.entries.length
  // What happened while opening is told once per session: "Check again" reports only what is new.
  const told = toldNotices.get(store) ?? new Set<string>()
  toldNotices.set(store, told)
  const fresh = store.notices.filter((notice) => !told.has(notice.id))
  for (const notice of fresh) told.add(notice.id)
  const lost = fresh.filter((notice) => notice.level === 'error')
  // Losses of earlier starts (perhaps another process's) that no check has reported yet.
  const earlier = (await store.takeUntoldLosses())
    .filter((loss) => !lost.some((notice) => notice.message === loss.message))
    .map((loss) => `On ${loss.at.slice(0, 16).replace('T', ' ')} UTC: ${loss.message}`)
  return {
    documents: library.list().length,
    ...totals,
    reviews,
    notices: fresh.map((notice) => `${notice.title}: ${notice.message}`),
    repaired: log.repaired,
    problems: [...new Set([...lost.map((notice) => notice.message), ...earlier, ...log.problems])],
  }
}

/** The library's list against the folders: duplicates merged, unlisted folders listed again. */
async function checkListing(services: Services, log: CheckLog): Promise<void> {
  const { store } = services
  const seen = new Set<string>()
  const duplicates = store.library.data.documents.filter(
    (doc) => seen.has(doc.id) || !seen.add(doc.id),
  )
  if (duplicates.length > 0)
    await log.attempt('Documents listed twice', async () => {
      await store.library.update((file) => {
        const kept = new Set<string>()
        file.documents = file.documents.filter((doc) => !kept.has(doc.id) && !!kept.add(doc.id))
      })
      return `${count(duplicates.length, 'document was', 'documents were')} listed twice in your library; each is listed once now.`
    })
  const listed = new Set(store.library.data.documents.map((doc) => doc.id))
  const unlisted = (await store.documentFolders()).filter((id) => !listed.has(id))
  if (unlisted.length === 0) return
  if (store.library.isReadOnly) {
    log.problems.push(
      `${unlisted.map((id) => `documents/${id}`).join(', ')} ${unlisted.length === 1 ? 'is' : 'are'} not listed in your library; the library is open read-only, so nothing was changed.`,
    )
    return
  }
  const report = await relistDocumentFolders(store)
  if (!report) return
  const notice = relistNotice(report)
  if (report.relisted.length > 0) log.repaired.push(notice.message)
  else log.problems.push(notice.message)
}

async function checkDocument(
  services: Services,
  doc: DocumentMeta,
  log: CheckLog,
  totals: { highlights: number; orphans: number; cards: number },
): Promise<void> {
  const { store, library, annotations, schedules } = services
  const name = `“${doc.title}”`
  const opened = await library.open(doc.id)
  if (!opened.ok) {
    log.problems.push(`${name}: ${opened.error.message}`)
    return
  }
  if (opened.value.meta.revision.id !== doc.revision.id)
    log.repaired.push(`${name}: the library now names the version of the text that is stored.`)
  await checkHighlightIds(services, doc, log)
  const anchors = await annotations.repairAnchors(doc.id)
  if (!anchors.ok) log.problems.push(`${name}: ${anchors.error.message}`)
  else if (anchors.value.moved + anchors.value.orphaned > 0) {
    const one = anchors.value.moved === 1
    log.repaired.push(
      `${name}: ${count(anchors.value.moved, 'highlight was', 'highlights were')} not where ${one ? 'its' : 'their'} text is and ${one ? 'was' : 'were'} anchored again${anchors.value.orphaned ? `; ${anchors.value.orphaned} wait to be re-attached` : ''}.`,
    )
  }
  const loaded = await annotations.load(doc.id)
  if (!loaded.ok) {
    log.problems.push(`${name}: ${loaded.error.message}`)
    return
  }
  const highlightIds = new Set(loaded.value.highlights.map((h) => h.id))
  totals.highlights += highlightIds.size
  totals.orphans += loaded.value.highlights.filter((h) => h.status === 'orphan').length

  const cardFile = await store.cards(doc.id, doc.title)
  const seenCards = new Set<string>()
  const twinCards = cardFile.data.cards.filter((c) => seenCards.has(c.id) || !seenCards.add(c.id))
  if (twinCards.length > 0)
    await log.attempt(`${name}: cards sharing an id`, async () => {
      await cardFile.update((draft) => {
        const ids = new Set<string>()
        draft.cards = draft.cards.map((card) =>
          ids.has(card.id) || !ids.add(card.id) ? { ...card, id: randomUUID() } : card,
        )
      })
      return `${name}: ${count(twinCards.length, 'card shared its id', 'cards shared their ids')} with another; each has its own id now, and both are kept.`
    })
  totals.cards += cardFile.data.cards.length
  const unlinked = cardFile.data.cards.filter(
    (card) => card.highlightId && !highlightIds.has(card.highlightId),
  )
  if (unlinked.length > 0)
    await log.attempt(`${name}: cards pointing to deleted highlights`, async () => {
      const ids = new Set(unlinked.map((card) => card.id))
      await cardFile.update((draft) => {
        draft.cards = draft.cards.map((card) =>
          ids.has(card.id) ? { ...card, highlightId: null } : card,
        )
      })
      return `${name}: ${count(unlinked.length, 'card', 'cards')} pointed to deleted highlights; they keep their words.`
    })

  // A card saved without its schedules (a crash between the two writes) studies as new;
  // giving it stored ones is safe. Schedules of deleted cards are dropped.
  const view = await schedules.view(doc.id, doc.title)
  const missing = cardFile.data.cards.filter((card) =>
    variantsOf(card.content).some((variant) => !view.get(card.id, variant)),
  )
  const known = new Set(
    cardFile.data.cards.flatMap((card) => variantsOf(card.content).map((v) => itemKey(card.id, v))),
  )
  const stray = [...view.entries()].filter(([key]) => !known.has(key))
  if (missing.length > 0)
    await log.attempt(`${name}: missing schedules`, async () => {
      // The review log is the truth about a schedule: a reviewed card gets its last one back.
      const latest = await new ReviewLog(store).latestByItem()
      const now = services.now()
      let fromLog = 0
      const changes = new Map<string, ScheduleChange>()
      for (const card of missing)
        for (const variant of variantsOf(card.content)) {
          if (view.get(card.id, variant)) continue
          const entry = latest.get(logKey({ documentId: doc.id, cardId: card.id, variant }))
          if (entry) fromLog++
          const schedule = entry
            ? { ...entry.after, isSuspended: false, buriedUntil: null, lastReviewId: entry.id }
            : newItemSchedule(now)
          changes.set(itemKey(card.id, variant), (current) => current ?? schedule)
        }
      await schedules.change(doc.id, doc.title, changes)
      return `${name}: gave ${count(missing.length, 'card its', 'cards their')} missing schedules${fromLog > 0 ? ` (${fromLog} rebuilt from your review history)` : ''}.`
    })
  if (stray.length > 0)
    await log.attempt(`${name}: schedules of deleted cards`, async () => {
      await schedules.change(doc.id, doc.title, new Map(stray.map(([key]) => [key, () => null])))
      return `${name}: removed ${count(stray.length, 'schedule', 'schedules')} of deleted cards.`
    })

  const positionFile = await store.positions(doc.id, doc.title)
  const dangling = positionFile.data.positions.filter((p) =>
    p.evidence.some((id) => !highlightIds.has(id)),
  )
  if (dangling.length > 0)
    await log.attempt(`${name}: positions citing deleted highlights`, async () => {
      await positionFile.update((draft) => {
        draft.positions = draft.positions.map((p) => ({
          ...p,
          evidence: p.evidence.filter((id) => highlightIds.has(id)),
        }))
      })
      return `${name}: ${count(dangling.length, 'position', 'positions')} cited deleted highlights; those citations were dropped.`
    })

  const listed = await services.cards.list(doc.id)
  if (!listed.ok) log.problems.push(`${name}: ${listed.error.message}`)
}

/** Two highlights with one id (a hand edit, a merge by a sync tool): the later gets a new id. */
async function checkHighlightIds(
  services: Services,
  doc: DocumentMeta,
  log: CheckLog,
): Promise<void> {
  const file = await services.store.annotations(doc.id, doc.title)
  const seen = new Set<string>()
  const twice = file.data.highlights.filter((h) => seen.has(h.id) || !seen.add(h.id))
  if (twice.length === 0) return
  await log.attempt(`“${doc.title}”: highlights sharing an id`, async () => {
    await file.update((draft) => {
      const ids = new Set<string>()
      draft.highlights = draft.highlights.map((h) => {
        if (!ids.has(h.id)) {
          ids.add(h.id)
          return h
        }
        return { ...h, id: randomUUID() }
      })
    })
    return `“${doc.title}”: ${count(twice.length, 'highlight shared its id', 'highlights shared their ids')} with another; each has its own id now, and both passages are kept.`
  })
}

/** "1 card" / "3 cards". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}
