import { z } from 'zod'
import type { CardFailure } from '../study/requests'
import type { HighlightFailure } from '../highlights/requests'
import { defineRequests, request } from '../ipc/define-request'
import { documentId, fileName, interchangeFile } from '../ipc/request-fields'
import {
  exportFormats,
  type AnkiImportReport,
  type AnnotationImportReport,
  type ExportedFile,
} from '../model'

/** Highlights, notes and cards to and from other tools' files. */
export const interchangeRequests = /* @__PURE__ */ defineRequests(() => ({
  /**
   * Highlights, notes or cards of one document (or of the whole library) as a file: Markdown
   * notebooks (several come zipped), W3C Web Annotations, Anki text or an Anki package.
   */
  exportData: request(
    z.strictObject({ format: z.enum(exportFormats), documentId: documentId.optional() }),
  ).answers<ExportedFile, 'not-found'>(),
  /** Attaches the annotations of a W3C Web Annotation file to the documents they belong to. */
  importAnnotations: request(z.strictObject({ fileName, bytes: interchangeFile })).answers<
    AnnotationImportReport,
    'invalid-file' | HighlightFailure
  >(),
  /** Imports the notes of an Anki text export as cards of a document. */
  importAnkiCards: request(
    z.strictObject({ documentId, fileName, bytes: interchangeFile }),
  ).answers<AnkiImportReport, 'invalid-file' | CardFailure>(),
}))
