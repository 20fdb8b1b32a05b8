import { z } from 'zod'
import type { RequestArgs, RequestName } from '../../shared/ipc/contract'
import { documentIdPattern } from '../store/data-store'
import {
  highlightLabelSchema,
  highlightSchema,
  readingPositionSchema,
  settingsSchema,
  tagSchema,
} from '../store/schema'

const documentId = z.string().regex(documentIdPattern)
const none = z.undefined()
const highlightId = z.string().min(1).max(64)
const offset = z.number().int().nonnegative()
const passage = { start: offset, end: offset }
const labelId = highlightLabelSchema.shape.id
const highlightChanges = z.strictObject({
  labelId: labelId.optional(),
  note: z.string().max(100_000).optional(),
  tags: z.array(tagSchema).max(50).optional(),
})
const settingsChanges = settingsSchema
  .extend({ highlightLabels: settingsSchema.shape.highlightLabels.unwrap() })
  .partial()
  .strict()

/**
 * The schema every request's argument must pass before a service sees it. Typed against the
 * contract, so a new request without a schema does not compile.
 */
export const requestSchemas: { [K in RequestName]: z.ZodType<RequestArgs<K>> } = {
  listDocuments: none,
  openDocument: z.strictObject({ documentId }),
  createHighlight: z.strictObject({ documentId, ...passage, labelId }),
  updateHighlight: z.strictObject({ documentId, highlightId, changes: highlightChanges }),
  deleteHighlight: z.strictObject({ documentId, highlightId }),
  restoreHighlight: z.strictObject({ documentId, highlight: highlightSchema.strict() }),
  reattachHighlight: z.strictObject({ documentId, highlightId, ...passage }),
  dismissReanchorReport: z.strictObject({ documentId }),
  saveReadingPosition: z.strictObject({
    documentId,
    position: readingPositionSchema.omit({ updatedAt: true }).strict(),
  }),
  getSettings: none,
  updateSettings: settingsChanges,
  getStartupNotices: none,
  openExternal: z.strictObject({ url: z.string().max(8192) }),
}
