import { z } from 'zod'
import type { RequestArgs, RequestName } from '../../shared/ipc/contract'
import { exportFormats, type StudyVariant } from '../../shared/model'
import { maxTextFileBytes } from '../importing/decode-text'
import { assetNamePattern, documentIdPattern } from '../store/data-store'
import {
  actorSchema,
  documentMetaSchema,
  cardSchema,
  positionSchema,
  highlightLabelSchema,
  highlightSchema,
  readingPositionSchema,
  settingsSchema,
  tagSchema,
} from '../store/schema'

const documentId = z.string().regex(documentIdPattern)
const none = z.undefined()
/** An annotation or Anki file to import: text, at most 50 MB. */
const interchangeFile = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.length <= maxTextFileBytes, 'The file is too large.')
const highlightId = z.string().min(1).max(64)
const offset = z.number().int().nonnegative()
const passage = { start: offset, end: offset }
const labelId = highlightLabelSchema.shape.id
const highlightChanges = z.strictObject({
  labelId: labelId.optional(),
  note: z.string().max(100_000).optional(),
  tags: z.array(tagSchema).max(50).optional(),
})
const cardId = z.string().min(1).max(64)
const variant = z.string().regex(/^(forward|reverse|c\d{1,3})$/) as z.ZodType<StudyVariant>
const cardContent = cardSchema.shape.content
const cardItem = { documentId, cardId, variant }
const actorInput = {
  name: actorSchema.shape.name,
  kind: actorSchema.shape.kind,
  role: actorSchema.shape.role,
}
const settingsChanges = settingsSchema
  .extend({
    highlightLabels: settingsSchema.shape.highlightLabels.unwrap(),
    desiredRetention: settingsSchema.shape.desiredRetention.unwrap(),
    newCardsPerDay: settingsSchema.shape.newCardsPerDay.unwrap(),
    maximumIntervalDays: settingsSchema.shape.maximumIntervalDays.unwrap(),
  })
  .partial()
  .strict()

/**
 * The schema every request's argument must pass before a service sees it. Typed against the
 * contract, so a new request without a schema does not compile.
 */
export const requestSchemas: { [K in RequestName]: z.ZodType<RequestArgs<K>> } = {
  listDocuments: none,
  importFile: z.strictObject({
    fileName: z.string().min(1).max(1024),
    bytes: z
      .instanceof(Uint8Array)
      .refine((bytes) => bytes.length <= maxTextFileBytes + 1, 'The file is too large.'),
  }),
  search: z.strictObject({ query: z.string().max(500) }),
  getAsset: z.strictObject({ documentId, name: z.string().regex(assetNamePattern) }),
  getLibraryOverview: none,
  alignDocuments: z.strictObject({ leftId: documentId, rightId: documentId }),
  listEditions: z.strictObject({ documentId }),
  saveAlignment: z.strictObject({
    leftId: documentId,
    rightId: documentId,
    rows: z
      .array(
        z.strictObject({
          left: z.array(z.number().int().nonnegative()).max(50),
          right: z.array(z.number().int().nonnegative()).max(50),
          isManual: z.boolean(),
        }),
      )
      .max(100_000),
  }),
  deleteDocument: z.strictObject({ documentId }),
  restoreDocument: z.strictObject({
    meta: documentMetaSchema.strict(),
    trashName: z.string().regex(/^[a-z0-9-]+\.[0-9TZ-]+$/),
  }),
  openDocument: z.strictObject({ documentId }),
  createHighlight: z.strictObject({ documentId, ...passage, labelId }),
  updateHighlight: z.strictObject({ documentId, highlightId, changes: highlightChanges }),
  deleteHighlight: z.strictObject({ documentId, highlightId }),
  restoreHighlight: z.strictObject({ documentId, highlight: highlightSchema.strict() }),
  reattachHighlight: z.strictObject({ documentId, highlightId, ...passage }),
  dismissReanchorReport: z.strictObject({ documentId }),
  listCards: z.strictObject({ documentId }),
  createCard: z.strictObject({
    documentId,
    highlightId: highlightId.nullable(),
    content: cardContent,
  }),
  updateCard: z.strictObject({ documentId, cardId, content: cardContent }),
  deleteCard: z.strictObject({ documentId, cardId }),
  resetCard: z.strictObject({ documentId, cardId }),
  suspendCard: z.strictObject({ ...cardItem, isSuspended: z.boolean() }),
  buryCard: z.strictObject(cardItem),
  getStudyQueue: none,
  gradeCard: z.strictObject({ ...cardItem, grade: z.enum(['again', 'hard', 'good', 'easy']) }),
  undoGrade: z.strictObject({
    reviewId: z.string().min(1).max(64),
    reviewedAt: z.iso.datetime({ offset: true }),
  }),
  getStudyStats: none,
  getPositions: z.strictObject({ documentId }),
  addActor: z.strictObject({ documentId, ...actorInput }),
  savePosition: z.strictObject({
    documentId,
    id: positionSchema.shape.id.optional(),
    actorId: actorSchema.shape.id,
    stance: positionSchema.shape.stance,
    summary: positionSchema.shape.summary,
    evidence: z.array(highlightId).max(50),
  }),
  deletePosition: z.strictObject({ documentId, positionId: positionSchema.shape.id }),
  suggestPositions: z.strictObject({ documentId }),
  acceptSuggestion: z.strictObject({
    documentId,
    ...passage,
    speaker: actorSchema.shape.name,
    role: actorSchema.shape.role,
    kind: actorSchema.shape.kind,
    stance: positionSchema.shape.stance,
    summary: positionSchema.shape.summary,
  }),
  rejectSuggestion: z.strictObject({ documentId, suggestionId: z.string().min(1).max(64) }),
  makePositionCards: z.strictObject({
    documentId,
    positionIds: z.array(positionSchema.shape.id).max(500).optional(),
  }),
  saveReadingPosition: z.strictObject({
    documentId,
    position: readingPositionSchema.omit({ updatedAt: true }).strict(),
  }),
  getSettings: none,
  updateSettings: settingsChanges,
  getStartupNotices: none,
  exportData: z.strictObject({ format: z.enum(exportFormats), documentId: documentId.optional() }),
  importAnnotations: z.strictObject({
    fileName: z.string().min(1).max(1024),
    bytes: interchangeFile,
  }),
  importAnkiCards: z.strictObject({
    documentId,
    fileName: z.string().min(1).max(1024),
    bytes: interchangeFile,
  }),
  backUpNow: none,
  checkLibrary: none,
  listBackups: none,
  takeOpenedLinks: none,
  takeChosenFiles: none,
  resolveLink: z.strictObject({ link: z.string().max(300) }),
  openExternal: z.strictObject({ url: z.string().max(8192) }),
}
