import { z } from 'zod'
import { defineRequests, noArgs, request } from '../ipc/define-request'
import { documentId, highlightId } from '../ipc/request-fields'
import { stored } from '../ipc/stored-shapes'
import type {
  Card,
  CardWithStatus,
  GradeReceipt,
  StudyQueue,
  StudyStats,
  StudyVariant,
} from '../model'

/** Why a flashcard request could not be done. */
export type CardFailure = 'not-found' | 'invalid-card'

const cardId = /* @__PURE__ */ z.string().min(1).max(64)
const variant = /* @__PURE__ */ z
  .string()
  .regex(/^(forward|reverse|c\d{1,3})$/) as z.ZodType<StudyVariant>
const cardContent = /* @__PURE__ */ stored('cardContent')
/** One study item of a card. */
const cardItem = { documentId, cardId, variant }

/** Flashcards, and studying them. */
export const studyRequests = /* @__PURE__ */ defineRequests(() => ({
  /** A document's flashcards with the status of each study item. */
  listCards: request(z.strictObject({ documentId })).answers<CardWithStatus[], CardFailure>(),
  /** Makes a flashcard, usually from a highlight. */
  createCard: request(
    z.strictObject({ documentId, highlightId: highlightId.nullable(), content: cardContent }),
  ).answers<Card, CardFailure>(),
  /** Rewords a flashcard; its schedule is kept. */
  updateCard: request(z.strictObject({ documentId, cardId, content: cardContent })).answers<
    Card,
    CardFailure
  >(),
  /** Deletes a flashcard; its review history stays. */
  deleteCard: request(z.strictObject({ documentId, cardId })).answers<null, CardFailure>(),
  /** Forgets a flashcard's progress, on purpose. */
  resetCard: request(z.strictObject({ documentId, cardId })).answers<null, CardFailure>(),
  /** Suspends (or unsuspends) one study item of a card. */
  suspendCard: request(z.strictObject({ ...cardItem, isSuspended: z.boolean() })).answers<
    null,
    CardFailure
  >(),
  /** Hides one study item until tomorrow. */
  buryCard: request(z.strictObject(cardItem)).answers<null, CardFailure>(),
  /** The next items to review. */
  getStudyQueue: request(noArgs).answers<StudyQueue>(),
  /** Grades a study item. */
  gradeCard: request(
    z.strictObject({ ...cardItem, grade: z.enum(['again', 'hard', 'good', 'easy']) }),
  ).answers<GradeReceipt, CardFailure>(),
  /** Takes back the latest grade of an item. */
  undoGrade: request(
    z.strictObject({
      reviewId: z.string().min(1).max(64),
      reviewedAt: z.iso.datetime({ offset: true }),
    }),
  ).answers<null, CardFailure>(),
  /** Due forecast, review heatmap, true retention and per-document recall. */
  getStudyStats: request(noArgs).answers<StudyStats>(),
}))
