import type { Highlight, ReanchorReport } from '../../model'
import { anchor } from './anchor'
import { describe } from './describe'

/**
 * Re-anchors every highlight made on an older revision to `text` (revision `revisionId`). Found
 * passages are described afresh on the new text; lost ones become orphans that keep their old
 * selectors. Nothing is dropped. Pure.
 */
export function reanchorHighlights(
  highlights: readonly Highlight[],
  text: string,
  revisionId: string,
  now: string,
): { highlights: Highlight[]; report: ReanchorReport } {
  const report = {
    kept: [] as string[],
    moved: [] as string[],
    changed: [] as string[],
    orphaned: [] as string[],
  }
  const updated = highlights.map((highlight): Highlight => {
    if (highlight.revisionId === revisionId) return highlight
    const found = anchor(text, highlight.selectors)
    if (!found) {
      report.orphaned.push(highlight.id)
      return highlight.status === 'orphan'
        ? highlight
        : { ...highlight, status: 'orphan', updatedAt: now }
    }
    const { start, end } = highlight.selectors.position
    if (found.method === 'fuzzy') report.changed.push(highlight.id)
    else if (found.start === start && found.end === end) report.kept.push(highlight.id)
    else report.moved.push(highlight.id)
    return {
      ...highlight,
      selectors: describe(text, found.start, found.end),
      revisionId,
      status: 'anchored',
      updatedAt: now,
    }
  })
  return { highlights: updated, report: { revisionId, createdAt: now, ...report } }
}
