import { z } from 'zod'
import { defineRequests, request } from '../ipc/define-request'
import { documentId, highlightId, passage } from '../ipc/request-fields'
import { stored } from '../ipc/stored-shapes'
import type { Highlight, HighlightChanges } from '../model'

/** Why a highlight request could not be done. */
export type HighlightFailure = 'not-found' | 'invalid-passage' | 'unknown-label'

const labelId = /* @__PURE__ */ stored('labelId')

/** Highlights and their notes and tags. */
export const highlightRequests = /* @__PURE__ */ defineRequests(() => ({
  /** Highlights `[start, end)` of the document's current text with a label's colour. */
  createHighlight: request(z.strictObject({ documentId, ...passage, labelId })).answers<
    Highlight,
    HighlightFailure
  >(),
  /** Recolours a highlight, or changes its note or tags. */
  updateHighlight: request(
    z.strictObject({
      documentId,
      highlightId,
      // Typed as the model's (read-only) changes, which is what the renderer hands over.
      changes: z.strictObject({
        labelId: labelId.optional(),
        note: z.string().max(100_000).optional(),
        tags: z.array(stored('tag')).max(50).optional(),
      }) as z.ZodType<HighlightChanges>,
    }),
  ).answers<Highlight, HighlightFailure>(),
  /** Deletes a highlight and its note. */
  deleteHighlight: request(z.strictObject({ documentId, highlightId })).answers<
    null,
    HighlightFailure
  >(),
  /** Puts back a highlight exactly as it was: undo of a delete, redo of a create. */
  restoreHighlight: request(z.strictObject({ documentId, highlight: stored('highlight') })).answers<
    Highlight,
    HighlightFailure
  >(),
  /** Attaches a highlight (usually an orphan) to a newly selected passage. */
  reattachHighlight: request(z.strictObject({ documentId, highlightId, ...passage })).answers<
    Highlight,
    HighlightFailure
  >(),
  /** Hides the report about re-anchored highlights. */
  dismissReanchorReport: request(z.strictObject({ documentId })).answers<null, HighlightFailure>(),
}))
