import type { interchangeRequests } from '../../shared/interchange/requests'
import { ok } from '../../shared/ipc/result'
import { ExportService } from '../interchange/export-service'
import { importAnkiTextFile } from '../interchange/import-anki-cards'
import { importWebAnnotationFile } from '../interchange/import-annotations'
import type { FeatureHandlers, HandlerDeps } from './handler-types'

/** Highlights, notes and cards to and from other tools' files. */
export function interchangeHandlers({
  services: { library, annotations, cards, settings, exports, now },
}: HandlerDeps): FeatureHandlers<typeof interchangeRequests> {
  return {
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
  }
}
