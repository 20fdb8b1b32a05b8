import type { alignmentRequests } from '../../shared/alignment/requests'
import { ok } from '../../shared/ipc/result'
import type { FeatureHandlers, HandlerDeps } from './handler-types'

/** Two documents side by side. */
export function alignmentHandlers({
  services: { library, store, alignments },
}: HandlerDeps): FeatureHandlers<typeof alignmentRequests> {
  return {
    alignDocuments: ({ leftId, rightId }) => alignments.get(leftId, rightId),
    listEditions: async ({ documentId }) => {
      const listed = new Set(library.list().map((doc) => doc.id))
      const linked = (await store.alignedPairs()).flatMap(([a, b]) =>
        a === documentId ? [b] : b === documentId ? [a] : [],
      )
      return ok([...new Set(linked)].filter((id) => listed.has(id)))
    },
    saveAlignment: ({ leftId, rightId, rows }) => alignments.save(leftId, rightId, rows),
  }
}
