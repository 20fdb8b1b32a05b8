import type { Highlight, ReanchorReport } from '../../model'
import { anchorAll } from './anchor'
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
  // All of them at once: one gram index for the text, and each passage expected where its
  // neighbours moved to.
  const stale = highlights.filter((h) => h.revisionId !== revisionId)
  const anchors = new Map(
    anchorAll(
      text,
      stale.map((h) => h.selectors),
    ).map((found, i) => [stale[i]!, found] as const),
  )
  const updated = highlights.map((highlight): Highlight => {
    if (highlight.revisionId === revisionId) return highlight
    const found = anchors.get(highlight) ?? null
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
