import { z } from 'zod'
import { stored, storedShapes } from './stored-shapes'

// Field schemas several features' requests share.
export const documentId = /* @__PURE__ */ stored('documentId')
export const highlightId = /* @__PURE__ */ z.string().min(1).max(64)
export const offset = /* @__PURE__ */ z.number().int().nonnegative()
/** `[start, end)` of a document's plain text. */
export const passage = { start: offset, end: offset }
export const fileName = /* @__PURE__ */ z.string().min(1).max(1024)
/** An annotation or Anki file to import: text, at most 50 MB. */
export const interchangeFile = /* @__PURE__ */ z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.length <= storedShapes().maxTextFileBytes, 'The file is too large.')
