import type { highlightRequests } from '../../shared/highlights/requests'
import type { FeatureHandlers, HandlerDeps } from './handler-types'

/** Highlights and their notes and tags. */
export function highlightHandlers({
  services: { annotations },
}: HandlerDeps): FeatureHandlers<typeof highlightRequests> {
  return {
    createHighlight: (input) => annotations.create(input),
    updateHighlight: ({ documentId, highlightId, changes }) =>
      annotations.update(documentId, highlightId, changes),
    deleteHighlight: ({ documentId, highlightId }) => annotations.remove(documentId, highlightId),
    restoreHighlight: ({ documentId, highlight }) => annotations.restore(documentId, highlight),
    reattachHighlight: (input) => annotations.reattach(input),
    dismissReanchorReport: ({ documentId }) => annotations.dismissReport(documentId),
  }
}
