import { z } from 'zod'
import type { StudyCounts } from '../domain/cards/study-counts'
import { defineRequests, noArgs, request } from '../ipc/define-request'
import { documentId, fileName } from '../ipc/request-fields'
import { stored, storedShapes } from '../ipc/stored-shapes'
import type {
  BackupInfo,
  CheckReport,
  DocumentMeta,
  Notice,
  OpenedDocument,
  ReadingPosition,
  SearchHit,
} from '../model'
import type { HighlightFailure } from '../highlights/requests'

/** Why a file could not be imported: each comes with a sentence naming the file. */
export type ImportFailure =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'encoding'
  | 'unsupported-format'
  | 'broken-epub'
  | 'parse-failed'
  | 'duplicate-id'
  | 'not-found'

/** The library: its documents, reading them, searching them, and keeping them safe. */
export const libraryRequests = /* @__PURE__ */ defineRequests(() => ({
  /** The documents in the library, most recently read first. */
  listDocuments: request(noArgs).answers<DocumentMeta[]>(),
  /** Imports a text or Markdown file; a file of a name already in the library becomes its new revision. */
  importFile: request(
    z.strictObject({
      fileName,
      bytes: z
        .instanceof(Uint8Array)
        .refine(
          (bytes) => bytes.length <= storedShapes().maxTextFileBytes + 1,
          'The file is too large.',
        ),
    }),
  ).answers<{ document: DocumentMeta; isNewRevision: boolean }, ImportFailure>(),
  /** Per document: how many highlights it has, its cards and their study items to study now. */
  getLibraryOverview:
    request(noArgs).answers<{ documentId: string; highlights: number; study: StudyCounts }[]>(),
  /** Removes a document; its folder goes to the trash so the deletion can be undone. */
  deleteDocument: request(z.strictObject({ documentId })).answers<
    { meta: DocumentMeta; trashName: string },
    'not-found'
  >(),
  /** Undoes a deletion. */
  restoreDocument: request(
    z.strictObject({
      meta: stored('documentMeta'),
      trashName: z.string().regex(/^[a-z0-9-]+\.[0-9TZ-]+$/),
    }),
  ).answers<DocumentMeta, 'duplicate-id'>(),
  /** A stored picture of a document, as a data: URL the page may show. */
  getAsset: request(z.strictObject({ documentId, name: stored('assetName') })).answers<
    string,
    'not-found'
  >(),
  /** Finds words in every document's text, highlights and notes, as the reader types. */
  search: request(z.strictObject({ query: z.string().max(500) })).answers<SearchHit[]>(),
  /** A document's metadata, text and annotations, ready to read. */
  openDocument: request(z.strictObject({ documentId })).answers<OpenedDocument, HighlightFailure>(),
  /** Remembers where the reader is in a document. */
  saveReadingPosition: request(
    z.strictObject({ documentId, position: stored('readingPosition') }),
  ).answers<ReadingPosition, 'not-found'>(),
  /** Things the app did at start that the reader should know about (recovered files…). */
  getStartupNotices: request(noArgs).answers<Notice[]>(),
  /** Writes a backup archive of the whole library now. */
  backUpNow: request(noArgs).answers<BackupInfo>(),
  /** Checks every file and reference of the library, repairs what is safe, reports the rest. */
  checkLibrary: request(noArgs).answers<CheckReport>(),
  /** The backup archives in the data folder, newest first. */
  listBackups: request(noArgs).answers<BackupInfo[]>(),
  /**
   * Files the reader chose with File → Open… (main shows the system dialog: a page may only open
   * a file chooser from a click in it), handed out once, to import like dropped files.
   */
  takeChosenFiles: request(noArgs).answers<{ fileName: string; bytes: Uint8Array }[]>(),
}))
