import { fail, ok } from '../../shared/ipc/result'
import type { libraryRequests } from '../../shared/library/requests'
import { checkLibrary } from '../services/library-check'
import type { FeatureHandlers, HandlerDeps } from './handler-types'

/** The library's requests: its documents, reading them, searching them, keeping them safe. */
export function libraryHandlers({
  services,
  takeChosenFiles = () => [],
}: HandlerDeps): FeatureHandlers<typeof libraryRequests> {
  const { library, store, annotations, reviews, search, backups } = services
  return {
    listDocuments: () => ok(library.list()),
    importFile: ({ fileName, bytes }) => library.importFile(bytes, { fileName }),
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
    deleteDocument: ({ documentId }) => library.remove(documentId),
    restoreDocument: ({ meta, trashName }) => library.restore(meta, trashName),
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
    search: async ({ query }) => ok(await search.search(query)),
    openDocument: async ({ documentId }) => {
      const opened = await library.open(documentId)
      if (!opened.ok) return opened
      const loaded = await annotations.load(documentId)
      return loaded.ok ? ok({ ...opened.value, annotations: loaded.value }) : loaded
    },
    saveReadingPosition: ({ documentId, position }) =>
      library.saveReadingPosition(documentId, position),
    getStartupNotices: () => ok([...store.notices]),
    backUpNow: () => backups.backUpNow(),
    checkLibrary: async () => ok(await checkLibrary(services)),
    listBackups: async () => ok(await backups.list()),
    takeChosenFiles: () => ok(takeChosenFiles()),
  }
}
