import { z } from 'zod'
import { defineRequests, request } from '../ipc/define-request'
import { documentId, highlightId, passage } from '../ipc/request-fields'
import { stored } from '../ipc/stored-shapes'
import type { Actor, DocumentPositions, Position, StatementSuggestion } from '../model'

/** Why a positions request could not be done. */
export type PositionFailure = 'not-found' | 'invalid-passage' | 'unknown-label' | 'invalid-card'

const positionId = /* @__PURE__ */ stored('positionId')

/** Key positions: who holds which stance, on the evidence of which highlights. */
export const positionRequests = /* @__PURE__ */ defineRequests(() => ({
  /** A document's actors and their positions. */
  getPositions: request(z.strictObject({ documentId })).answers<
    DocumentPositions,
    PositionFailure
  >(),
  /** Adds an actor (or finds the one with that name). */
  addActor: request(
    z.strictObject({
      documentId,
      name: stored('actorName'),
      kind: stored('actorKind'),
      role: stored('actorRole'),
    }),
  ).answers<Actor, PositionFailure>(),
  /** Creates or changes a position; `evidence` are highlight ids. */
  savePosition: request(
    z.strictObject({
      documentId,
      id: positionId.optional(),
      actorId: stored('actorId'),
      stance: stored('stance'),
      summary: stored('positionSummary'),
      evidence: z.array(highlightId).max(50),
    }),
  ).answers<Position, PositionFailure>(),
  /** Deletes a position (its highlights stay). */
  deletePosition: request(z.strictObject({ documentId, positionId })).answers<
    null,
    PositionFailure
  >(),
  /** Statements the offline extractor proposes as positions. */
  suggestPositions: request(z.strictObject({ documentId })).answers<
    StatementSuggestion[],
    PositionFailure
  >(),
  /** Accepts a suggestion, as edited: actor, highlight and position. */
  acceptSuggestion: request(
    z.strictObject({
      documentId,
      ...passage,
      speaker: stored('actorName'),
      role: stored('actorRole'),
      kind: stored('actorKind'),
      stance: stored('stance'),
      summary: stored('positionSummary'),
    }),
  ).answers<Position, PositionFailure>(),
  /** Turns a suggestion down for good. */
  rejectSuggestion: request(
    z.strictObject({ documentId, suggestionId: z.string().min(1).max(64) }),
  ).answers<null, PositionFailure>(),
  /** Makes (or updates) flashcards for positions: all, or those listed. */
  makePositionCards: request(
    z.strictObject({ documentId, positionIds: z.array(positionId).max(500).optional() }),
  ).answers<{ cards: number }, PositionFailure>(),
}))
