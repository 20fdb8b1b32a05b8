import type { StoredRow } from '../domain/alignment/edit-alignment'
import type { Grade } from '../domain/scheduling/schedule'
import type { StudyCounts } from '../domain/cards/study-counts'
import type {
  Actor,
  ActorKind,
  Card,
  CardContent,
  CardWithStatus,
  DocumentMeta,
  DocumentPositions,
  GradeReceipt,
  StudyQueue,
  StudyStats,
  StudyVariant,
  Highlight,
  HighlightChanges,
  Notice,
  OpenedDocument,
  Position,
  ReadingPosition,
  SearchHit,
  Settings,
  Stance,
  StatementSuggestion,
  AnnotationImportReport,
  AnkiImportReport,
  BackupInfo,
  CheckReport,
  ExportedFile,
  ExportFormat,
  LinkTarget,
} from '../model'
import type { Result } from './result'

/** Why a highlight request could not be done. */
export type HighlightFailure = 'not-found' | 'invalid-passage' | 'unknown-label'

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

/** Why a flashcard request could not be done. */
export type CardFailure = 'not-found' | 'invalid-card'

/** Why a positions request could not be done. */
export type PositionFailure = 'not-found' | 'invalid-passage' | 'unknown-label' | 'invalid-card'

/** Failure codes any request can return. */
export type CommonFailure = 'invalid-arguments' | 'internal' | 'storage-failed' | 'read-only'

/**
 * Every request the renderer can make of the main process. A request's name is its IPC channel
 * and the name of its method on `window.lectern`.
 */
export interface Requests {
  /** The documents in the library, most recently read first. */
  listDocuments: { args: undefined; value: DocumentMeta[]; failure: never }
  /** Imports a text or Markdown file; a file of a name already in the library becomes its new revision. */
  importFile: {
    args: { fileName: string; bytes: Uint8Array }
    value: { document: DocumentMeta; isNewRevision: boolean }
    failure: ImportFailure
  }
  /** Per document: how many highlights it has, its cards and their study items to study now. */
  getLibraryOverview: {
    args: undefined
    value: { documentId: string; highlights: number; study: StudyCounts }[]
    failure: never
  }
  /** Removes a document; its folder goes to the trash so the deletion can be undone. */
  deleteDocument: {
    args: { documentId: string }
    value: { meta: DocumentMeta; trashName: string }
    failure: 'not-found'
  }
  /** Undoes a deletion. */
  restoreDocument: {
    args: { meta: DocumentMeta; trashName: string }
    value: DocumentMeta
    failure: 'duplicate-id'
  }
  /** Lines up the blocks of two documents (an original and its translation, or any two). */
  alignDocuments: {
    args: { leftId: string; rightId: string }
    value: { rows: readonly StoredRow[]; hasOutdatedFixes: boolean }
    failure: 'not-found' | 'invalid-alignment'
  }
  /** Documents read side by side with this one before (their alignment is stored): its editions. */
  listEditions: { args: { documentId: string }; value: string[]; failure: never }
  /** Stores an alignment the reader fixed by hand (merged or split rows); never overwritten. */
  saveAlignment: {
    args: { leftId: string; rightId: string; rows: StoredRow[] }
    value: { rows: readonly StoredRow[]; hasOutdatedFixes: boolean }
    failure: 'not-found' | 'invalid-alignment'
  }
  /** A stored picture of a document, as a data: URL the page may show. */
  getAsset: { args: { documentId: string; name: string }; value: string; failure: 'not-found' }
  /** Finds words in every document's text, highlights and notes, as the reader types. */
  search: { args: { query: string }; value: SearchHit[]; failure: never }
  /** A document's metadata, text and annotations, ready to read. */
  openDocument: { args: { documentId: string }; value: OpenedDocument; failure: HighlightFailure }
  /** Highlights `[start, end)` of the document's current text with a label's colour. */
  createHighlight: {
    args: { documentId: string; start: number; end: number; labelId: string }
    value: Highlight
    failure: HighlightFailure
  }
  /** Recolours a highlight, or changes its note or tags. */
  updateHighlight: {
    args: { documentId: string; highlightId: string; changes: HighlightChanges }
    value: Highlight
    failure: HighlightFailure
  }
  /** Deletes a highlight and its note. */
  deleteHighlight: {
    args: { documentId: string; highlightId: string }
    value: null
    failure: HighlightFailure
  }
  /** Puts back a highlight exactly as it was: undo of a delete, redo of a create. */
  restoreHighlight: {
    args: { documentId: string; highlight: Highlight }
    value: Highlight
    failure: HighlightFailure
  }
  /** Attaches a highlight (usually an orphan) to a newly selected passage. */
  reattachHighlight: {
    args: { documentId: string; highlightId: string; start: number; end: number }
    value: Highlight
    failure: HighlightFailure
  }
  /** Hides the report about re-anchored highlights. */
  dismissReanchorReport: { args: { documentId: string }; value: null; failure: HighlightFailure }
  /** A document's flashcards with the status of each study item. */
  listCards: { args: { documentId: string }; value: CardWithStatus[]; failure: CardFailure }
  /** Makes a flashcard, usually from a highlight. */
  createCard: {
    args: { documentId: string; highlightId: string | null; content: CardContent }
    value: Card
    failure: CardFailure
  }
  /** Rewords a flashcard; its schedule is kept. */
  updateCard: {
    args: { documentId: string; cardId: string; content: CardContent }
    value: Card
    failure: CardFailure
  }
  /** Deletes a flashcard; its review history stays. */
  deleteCard: { args: { documentId: string; cardId: string }; value: null; failure: CardFailure }
  /** Forgets a flashcard's progress, on purpose. */
  resetCard: { args: { documentId: string; cardId: string }; value: null; failure: CardFailure }
  /** Suspends (or unsuspends) one study item of a card. */
  suspendCard: {
    args: { documentId: string; cardId: string; variant: StudyVariant; isSuspended: boolean }
    value: null
    failure: CardFailure
  }
  /** Hides one study item until tomorrow. */
  buryCard: {
    args: { documentId: string; cardId: string; variant: StudyVariant }
    value: null
    failure: CardFailure
  }
  /** The next items to review. */
  getStudyQueue: { args: undefined; value: StudyQueue; failure: never }
  /** Grades a study item. */
  gradeCard: {
    args: { documentId: string; cardId: string; variant: StudyVariant; grade: Grade }
    value: GradeReceipt
    failure: CardFailure
  }
  /** Takes back the latest grade of an item. */
  undoGrade: { args: { reviewId: string; reviewedAt: string }; value: null; failure: CardFailure }
  /** Due forecast, review heatmap, true retention and per-document recall. */
  getStudyStats: { args: undefined; value: StudyStats; failure: never }
  /** A document's actors and their positions. */
  getPositions: { args: { documentId: string }; value: DocumentPositions; failure: PositionFailure }
  /** Adds an actor (or finds the one with that name). */
  addActor: {
    args: { documentId: string; name: string; kind: ActorKind; role: string }
    value: Actor
    failure: PositionFailure
  }
  /** Creates or changes a position; `evidence` are highlight ids. */
  savePosition: {
    args: {
      documentId: string
      id?: string
      actorId: string
      stance: Stance
      summary: string
      evidence: string[]
    }
    value: Position
    failure: PositionFailure
  }
  /** Deletes a position (its highlights stay). */
  deletePosition: {
    args: { documentId: string; positionId: string }
    value: null
    failure: PositionFailure
  }
  /** Statements the offline extractor proposes as positions. */
  suggestPositions: {
    args: { documentId: string }
    value: StatementSuggestion[]
    failure: PositionFailure
  }
  /** Accepts a suggestion, as edited: actor, highlight and position. */
  acceptSuggestion: {
    args: {
      documentId: string
      start: number
      end: number
      speaker: string
      role: string
      kind: ActorKind
      stance: Stance
      summary: string
    }
    value: Position
    failure: PositionFailure
  }
  /** Turns a suggestion down for good. */
  rejectSuggestion: {
    args: { documentId: string; suggestionId: string }
    value: null
    failure: PositionFailure
  }
  /** Makes (or updates) flashcards for positions: all, or those listed. */
  makePositionCards: {
    args: { documentId: string; positionIds?: string[] }
    value: { cards: number }
    failure: PositionFailure
  }
  /** Remembers where the reader is in a document. */
  saveReadingPosition: {
    args: { documentId: string; position: Omit<ReadingPosition, 'updatedAt'> }
    value: ReadingPosition
    failure: 'not-found'
  }
  /** The reader's preferences. */
  getSettings: { args: undefined; value: Settings; failure: never }
  /** Changes some preferences and returns all of them. */
  updateSettings: { args: Partial<Settings>; value: Settings; failure: never }
  /** Things the app did at start that the reader should know about (recovered files…). */
  getStartupNotices: { args: undefined; value: Notice[]; failure: never }
  /** Opens an https: or mailto: link in the system browser; anything else is refused. */
  openExternal: { args: { url: string }; value: null; failure: 'refused' }
  /**
   * Highlights, notes or cards of one document (or of the whole library) as a file: Markdown
   * notebooks (several come zipped), W3C Web Annotations, Anki text or an Anki package.
   */
  exportData: {
    args: { format: ExportFormat; documentId?: string }
    value: ExportedFile
    failure: 'not-found'
  }
  /** Attaches the annotations of a W3C Web Annotation file to the documents they belong to. */
  importAnnotations: {
    args: { fileName: string; bytes: Uint8Array }
    value: AnnotationImportReport
    failure: 'invalid-file' | HighlightFailure
  }
  /** Imports the notes of an Anki text export as cards of a document. */
  importAnkiCards: {
    args: { documentId: string; fileName: string; bytes: Uint8Array }
    value: AnkiImportReport
    failure: 'invalid-file' | CardFailure
  }
  /** Writes a backup archive of the whole library now. */
  backUpNow: { args: undefined; value: BackupInfo; failure: never }
  /** Checks every file and reference of the library, repairs what is safe, reports the rest. */
  checkLibrary: { args: undefined; value: CheckReport; failure: never }
  /** The backup archives in the data folder, newest first. */
  listBackups: { args: undefined; value: BackupInfo[]; failure: never }
  /** `lectern://` links that arrived from outside since last asked, checked against the library. */
  takeOpenedLinks: { args: undefined; value: LinkTarget[]; failure: never }
  /**
   * Files the reader chose with File → Open… (main shows the system dialog: a page may only open
   * a file chooser from a click in it), handed out once, to import like dropped files.
   */
  takeChosenFiles: {
    args: undefined
    value: { fileName: string; bytes: Uint8Array }[]
    failure: never
  }
  /** Where a `lectern://` link (in a note) leads. */
  resolveLink: { args: { link: string }; value: LinkTarget; failure: never }
}

export { domEventName, eventNames, type Events } from './events'

/** The name of a request, which is also its channel. */
export type RequestName = keyof Requests

/** Every request name, in one list the preload and main both build from. */
export const requestNames = [
  'listDocuments',
  'importFile',
  'getLibraryOverview',
  'deleteDocument',
  'restoreDocument',
  'search',
  'getAsset',
  'alignDocuments',
  'saveAlignment',
  'listEditions',
  'openDocument',
  'createHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'reattachHighlight',
  'dismissReanchorReport',
  'listCards',
  'createCard',
  'updateCard',
  'deleteCard',
  'resetCard',
  'suspendCard',
  'buryCard',
  'getStudyQueue',
  'gradeCard',
  'undoGrade',
  'getStudyStats',
  'getPositions',
  'addActor',
  'savePosition',
  'deletePosition',
  'suggestPositions',
  'acceptSuggestion',
  'rejectSuggestion',
  'makePositionCards',
  'saveReadingPosition',
  'getSettings',
  'updateSettings',
  'getStartupNotices',
  'openExternal',
  'exportData',
  'importAnnotations',
  'importAnkiCards',
  'backUpNow',
  'checkLibrary',
  'listBackups',
  'takeOpenedLinks',
  'takeChosenFiles',
  'resolveLink',
] as const satisfies readonly RequestName[]

// Compile-time proof that the list names every request exactly once in spirit: a missing name
// makes this type `false` and the assignment below fail.
type MissingNames = Exclude<RequestName, (typeof requestNames)[number]>
const everyRequestListed: [MissingNames] extends [never] ? true : false = true
void everyRequestListed

/** Arguments of a request. */
export type RequestArgs<K extends RequestName> = Requests[K]['args']

/** What a request resolves to: its value or an expected failure. */
export type RequestResult<K extends RequestName> = Result<
  Requests[K]['value'],
  Requests[K]['failure'] | CommonFailure
>

/** The typed API the preload exposes as `window.lectern`. */
export type LecternApi = {
  [K in RequestName]: RequestArgs<K> extends undefined
    ? () => Promise<RequestResult<K>>
    : (args: RequestArgs<K>) => Promise<RequestResult<K>>
}

/** The one function a transport needs: send a named request with its argument. */
export type Invoke = (name: RequestName, args: unknown) => Promise<unknown>

/** Builds `window.lectern` over any transport (Electron IPC, or the test bridge). */
export function buildApi(invoke: Invoke): LecternApi {
  const api: Record<string, (args?: unknown) => Promise<unknown>> = {}
  for (const name of requestNames) api[name] = (args?: unknown) => invoke(name, args)
  return api as LecternApi
}
