import { z } from 'zod'
import type { StoredRow } from '../domain/alignment/edit-alignment'
import { defineRequests, request } from '../ipc/define-request'
import { documentId } from '../ipc/request-fields'

/** An alignment: its rows, and whether a fix by hand no longer fits the texts. */
type Alignment = { rows: readonly StoredRow[]; hasOutdatedFixes: boolean }

const blocks = /* @__PURE__ */ z.array(z.number().int().nonnegative()).max(50)

/** Two documents side by side: the lines of blocks that match. */
export const alignmentRequests = /* @__PURE__ */ defineRequests(() => ({
  /** Lines up the blocks of two documents (an original and its translation, or any two). */
  alignDocuments: request(z.strictObject({ leftId: documentId, rightId: documentId })).answers<
    Alignment,
    'not-found' | 'invalid-alignment'
  >(),
  /** Documents read side by side with this one before (their alignment is stored): its editions. */
  listEditions: request(z.strictObject({ documentId })).answers<string[]>(),
  /** Stores an alignment the reader fixed by hand (merged or split rows); never overwritten. */
  saveAlignment: request(
    z.strictObject({
      leftId: documentId,
      rightId: documentId,
      // Typed as the model's (read-only) rows, which is what the renderer hands over.
      rows: z
        .array(z.strictObject({ left: blocks, right: blocks, isManual: z.boolean() }))
        .max(100_000) as z.ZodType<StoredRow[]>,
    }),
  ).answers<Alignment, 'not-found' | 'invalid-alignment'>(),
}))
