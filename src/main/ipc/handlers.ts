import { fail, ok } from '../../shared/ipc/result'
import type { RequestArgs, RequestName, RequestResult } from '../../shared/ipc/contract'
import type { Services } from '../services/create-services'
import { startOfNextDay } from '../services/local-day'
import { checkLibrary } from '../services/library-check'
import { parseExternalUrl } from '../../shared/links/external-url'
import { ExportService } from '../interchange/export-service'
import { importAnkiTextFile } from '../interchange/import-anki-cards'
import { importWebAnnotationFile } from '../interchange/import-annotations'

/** One function per request: validated arguments in, a Result out. */
export type Handlers = {
  [K in RequestName]: (args: RequestArgs<K>) => Promise<RequestResult<K>> | RequestResult<K>
}

/** What the handlers need beyond the services: the shell's link opener. */
export interface HandlerDeps {
  readonly services: Services
  /** Opens a vetted URL in the system browser (Electron's shell.openExternal in the app). */
  readonly openExternal: (url: string) => Promise<void>
  /** Files chosen in the system's open dialog since last asked (none where there is no dialog). */
  readonly takeChosenFiles?: () => { fileName: string; bytes: Uint8Array }[]
}

/** Maps every contract request to its service call. */
export function createHandlers({
  services,
  openExternal,
  takeChosenFiles = () => [],
}: HandlerDeps): Handlers {
  const {
    library,
    settings,
    store,
    annotations,
    cards,
    reviews,
    positions,
    search,
    alignments,
    exports,
    backups,
    links,
    now,
  } = services
  return {
    listDocuments: () => ok(library.list()),
    importFile: ({ fileName, bytes }) => library.importFile(bytes, { fileName }),
    search: async ({ query }) => ok(await search.search(query)),
    getAsset: async ({ documentId, name }) => {
      const bytes = await store.readAsset(documentId, name)
      if (!bytes) return fail('not-found', 'That picture is missing from the data folder.')
      const type = name.endsWith('.png')
        ? 'png'
        : name.endsWith('.gif')
          ? 'gif'
          : name.endsWith('.webp')
            ? 'webp'
            : 'jpeg'
      return ok(`data:image/${type};base64,${Buffer.from(bytes).toString('base64')}`)
    },
    getLibraryOverview: async () => {
      const study = await reviews.studyCounts()
      const overview = []
      for (const doc of library.list()) {
        const loaded = await annotations.load(doc.id)
        overview.push({
          documentId: doc.id,
          highlights: loaded.ok ? loaded.value.highlights.length : 0,
          study: study.get(doc.id) ?? { cards: 0, toStudy: 0 },
        })
      }
      return ok(overview)
    },
    alignDocuments: ({ leftId, rightId }) => alignments.get(leftId, rightId),
    saveAlignment: ({ leftId, rightId, rows }) => alignments.save(leftId, rightId, rows),
    listEditions: async ({ documentId }) => {
      const listed = new Set(library.list().map((doc) => doc.id))
      const linked = (await store.alignedPairs()).flatMap(([a, b]) =>
        a === documentId ? [b] : b === documentId ? [a] : [],
      )
      return ok([...new Set(linked)].filter((id) => listed.has(id)))
    },
    deleteDocument: ({ documentId }) => library.remove(documentId),
    restoreDocument: ({ meta, trashName }) => library.restore(meta, trashName),
    openDocument: async ({ documentId }) => {
      const opened = await library.open(documentId)
      if (!opened.ok) return opened
      const loaded = await annotations.load(documentId)
      return loaded.ok ? ok({ ...opened.value, annotations: loaded.value }) : loaded
    },
    createHighlight: (input) => annotations.create(input),
    updateHighlight: ({ documentId, highlightId, changes }) =>
      annotations.update(documentId, highlightId, changes),
    deleteHighlight: ({ documentId, highlightId }) => annotations.remove(documentId, highlightId),
    restoreHighlight: ({ documentId, highlight }) => annotations.restore(documentId, highlight),
    reattachHighlight: (input) => annotations.reattach(input),
    dismissReanchorReport: ({ documentId }) => annotations.dismissReport(documentId),
    listCards: ({ documentId }) => cards.list(documentId),
    createCard: ({ documentId, highlightId, content }) =>
      cards.create(documentId, highlightId, content),
    updateCard: ({ documentId, cardId, content }) => cards.update(documentId, cardId, content),
    deleteCard: ({ documentId, cardId }) => cards.remove(documentId, cardId),
    resetCard: ({ documentId, cardId }) => cards.reset(documentId, cardId),
    suspendCard: ({ documentId, cardId, variant, isSuspended }) =>
      cards.setSuspended(documentId, cardId, variant, isSuspended),
    buryCard: ({ documentId, cardId, variant }) =>
      cards.bury(documentId, cardId, variant, startOfNextDay(now())),
    getStudyQueue: async () => ok(await reviews.queue()),
    gradeCard: ({ documentId, cardId, variant, grade }) =>
      reviews.grade(documentId, cardId, variant, grade),
    undoGrade: ({ reviewId, reviewedAt }) => reviews.undo(reviewId, reviewedAt),
    getStudyStats: async () => ok(await reviews.stats()),
    getPositions: ({ documentId }) => positions.load(documentId),
    addActor: ({ documentId, ...actor }) => positions.addActor(documentId, actor),
    savePosition: ({ documentId, ...position }) => positions.savePosition(documentId, position),
    deletePosition: ({ documentId, positionId }) =>
      positions.deletePosition(documentId, positionId),
    suggestPositions: ({ documentId }) => positions.suggestions(documentId),
    acceptSuggestion: ({ documentId, ...statement }) => positions.accept(documentId, statement),
    rejectSuggestion: ({ documentId, suggestionId }) => positions.reject(documentId, suggestionId),
    makePositionCards: ({ documentId, positionIds }) =>
      positions.makeCards(documentId, positionIds),
    saveReadingPosition: ({ documentId, position }) =>
      library.saveReadingPosition(documentId, position),
    getSettings: () => ok(settings.get()),
    updateSettings: (changes) => settings.update(changes),
    getStartupNotices: () => ok([...store.notices]),
    openExternal: async ({ url }) => {
      const vetted = parseExternalUrl(url)
      if (!vetted) return fail('refused', 'Lectern only opens web (https) and e-mail links.')
      await openExternal(vetted)
      return ok(null)
    },
    exportData: async ({ format, documentId }) => {
      const files = await exports.export(format, documentId)
      if (!files.ok) return files
      return ok(ExportService.bundle(files.value, 'Lectern notebooks.zip'))
    },
    importAnnotations: ({ bytes }) =>
      importWebAnnotationFile(
        { library, annotations, labels: () => settings.get().highlightLabels, now },
        new TextDecoder().decode(bytes),
      ),
    importAnkiCards: ({ documentId, bytes }) =>
      importAnkiTextFile(cards, documentId, new TextDecoder().decode(bytes)),
    backUpNow: () => backups.backUpNow(),
    checkLibrary: async () => ok(await checkLibrary(services)),
    listBackups: async () => ok(await backups.list()),
    takeOpenedLinks: async () => ok(await links.take()),
    takeChosenFiles: () => ok(takeChosenFiles()),
    resolveLink: async ({ link }) => ok(await links.resolve(link)),
  }
}
