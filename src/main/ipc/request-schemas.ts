import { z } from 'zod'
import type { RequestArgs, RequestName } from '../../shared/ipc/contract'
import { documentIdPattern } from '../store/data-store'
import { readingPositionSchema, settingsSchema } from '../store/schema'

const documentId = z.string().regex(documentIdPattern)
const none = z.undefined()

/**
 * The schema every request's argument must pass before a service sees it. Typed against the
 * contract, so a new request without a schema does not compile.
 */
export const requestSchemas: { [K in RequestName]: z.ZodType<RequestArgs<K>> } = {
  listDocuments: none,
  openDocument: z.strictObject({ documentId }),
  saveReadingPosition: z.strictObject({
    documentId,
    position: readingPositionSchema.omit({ updatedAt: true }).strict(),
  }),
  getSettings: none,
  updateSettings: settingsSchema.partial().strict(),
  getStartupNotices: none,
  openExternal: z.strictObject({ url: z.string().max(8192) }),
}
