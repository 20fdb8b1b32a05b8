import { ok } from '../../shared/ipc/result'
import type { studyRequests } from '../../shared/study/requests'
import { startOfNextDay } from '../services/local-day'
import type { FeatureHandlers, HandlerDeps } from './handler-types'

/** Flashcards, and studying them. */
export function studyHandlers({
  services: { cards, reviews, now },
}: HandlerDeps): FeatureHandlers<typeof studyRequests> {
  return {
    listCards: ({ documentId }) => cards.list(documentId),
    createCard: ({ documentId, highlightId, content }) =>
      cards.create(documentId, highlightId, content),
    updateCard: ({ documentId, cardId, content }) => cards.update(documentId, cardId, content),
    deleteCard: ({ documentId, cardId }) => cards.remove(documentId, cardId),
    resetCard: ({ documentId, cardId }) => cards.reset(documentId, cardId),
    suspendCard: ({ documentId, cardId, variant, isSuspended }) =>
      cards.setSuspended(documentId, cardId, variant, isSuspended),
    buryCard: ({ documentId, cardId, variant }) =>
      cards.bury(documentId, cardId, variant, startOfNextDay(now())),
    getStudyQueue: async () => ok(await reviews.queue()),
    gradeCard: ({ documentId, cardId, variant, grade }) =>
      reviews.grade(documentId, cardId, variant, grade),
    undoGrade: ({ reviewId, reviewedAt }) => reviews.undo(reviewId, reviewedAt),
    getStudyStats: async () => ok(await reviews.stats()),
  }
}
