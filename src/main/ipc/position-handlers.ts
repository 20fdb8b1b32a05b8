import type { positionRequests } from '../../shared/positions/requests'
import type { FeatureHandlers, HandlerDeps } from './handler-types'

/** Key positions: actors, their stances, suggestions and cards. */
export function positionHandlers({
  services: { positions },
}: HandlerDeps): FeatureHandlers<typeof positionRequests> {
  return {
    getPositions: ({ documentId }) => positions.load(documentId),
    addActor: ({ documentId, ...actor }) => positions.addActor(documentId, actor),
    savePosition: ({ documentId, ...position }) => positions.savePosition(documentId, position),
    deletePosition: ({ documentId, positionId }) =>
      positions.deletePosition(documentId, positionId),
    suggestPositions: ({ documentId }) => positions.suggestions(documentId),
    acceptSuggestion: ({ documentId, ...statement }) => positions.accept(documentId, statement),
    rejectSuggestion: ({ documentId, suggestionId }) => positions.reject(documentId, suggestionId),
    makePositionCards: ({ documentId, positionIds }) =>
      positions.makeCards(documentId, positionIds),
  }
}
