import { createHash } from 'node:crypto'
import { describe } from '../../shared/domain/anchoring'
import type { DocumentMeta, Highlight, HighlightLabel } from '../../shared/model'
import { highlightSchema } from '../store/schema'
import type { ForeignAnnotation } from './read-web-annotations'

/** The limits of the store's own schema, named once here for the sentences that quote them. */
export const highlightLimits = { tagLength: 40, tags: 50, noteLength: 100_000 } as const

/** An annotation's passage as found in a document's current text. */
export interface AnchoredAnnotation {
  readonly annotation: ForeignAnnotation
  readonly start: number
  readonly end: number
  readonly text: string
  readonly revisionId: string
}

/** A highlight ready to store, or why the annotation cannot be one. */
export type ImportedHighlight =
  | {
      readonly ok: true
      readonly highlight: Highlight
      /** False when the annotation gave no usable time: it then never replaces a stored one. */
      readonly isDated: boolean
      /** What was changed to make it fit, one sentence each. */
      readonly adjustments: readonly string[]
    }
  | { readonly ok: false; readonly reason: string }

/**
 * Makes the highlight an annotation becomes, within the limits the store reads back: tags cut to
 * 40 characters and to 50 in all, an impossible or future date replaced by the import time, a
 * note longer than 100,000 characters refused. The result is checked against the store's own
 * highlight schema, so no value the next start would refuse can be handed on.
 */
export function toImportedHighlight(
  found: AnchoredAnnotation,
  meta: DocumentMeta,
  labels: readonly HighlightLabel[],
  now: string,
): ImportedHighlight {
  const { annotation } = found
  if (!(0 <= found.start && found.start < found.end && found.end <= found.text.length))
    return { ok: false, reason: 'its passage could not be placed in the text.' }
  if (annotation.note.length > highlightLimits.noteLength)
    return {
      ok: false,
      reason: `its note of ${count(annotation.note.length)} characters is longer than Lectern keeps (${count(highlightLimits.noteLength)}).`,
    }
  const adjustments: string[] = []
  const label =
    labels.find((l) => l.name.toLowerCase() === annotation.labelName?.toLowerCase()) ?? labels[0]!
  const created = keepableTime(annotation.created, now)
  const modified = keepableTime(annotation.modified, now)
  if (created.problem) adjustments.push(`its creation date ${created.problem}`)
  if (modified.problem) adjustments.push(`its modification date ${modified.problem}`)
  // An annotation never modified was last changed when it was made.
  const changed = modified.time ?? created.time
  const candidate: Highlight = {
    id: highlightIdFor(annotation, meta.id),
    documentId: meta.id,
    labelId: label.id,
    selectors: describe(found.text, found.start, found.end),
    revisionId: found.revisionId,
    status: 'anchored',
    note: annotation.note,
    tags: keepableTags(annotation.tags, adjustments),
    createdAt: created.time ?? now,
    updatedAt: changed ?? now,
  }
  const checked = highlightSchema.safeParse(candidate)
  if (!checked.success) {
    const field = checked.error.issues[0]?.path[0]
    return {
      ok: false,
      reason: `its ${fieldNames[String(field)] ?? 'content'} is not something Lectern can keep.`,
    }
  }
  return { ok: true, highlight: checked.data, isDated: changed !== null, adjustments }
}

/** Lectern's own ids come back as they were; others get a stable id derived from theirs. */
function highlightIdFor(annotation: ForeignAnnotation, documentId: string): string {
  const own = /^urn:lectern:highlight:([A-Za-z0-9-]{1,64})$/.exec(annotation.id ?? '')
  if (own) return own[1]!
  const basis =
    annotation.id ??
    `${documentId}|${annotation.quote.prefix}|${annotation.quote.exact}|${annotation.quote.suffix}`
  return `w3c-${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`
}

/** Tags as the store keeps them: trimmed, lower case, at most 40 characters, at most 50. */
function keepableTags(tags: readonly string[], adjustments: string[]): string[] {
  const kept = new Set<string>()
  for (const raw of tags) {
    const tag = raw.trim().toLowerCase()
    if (!tag) continue
    if (tag.length <= highlightLimits.tagLength) {
      kept.add(tag)
      continue
    }
    const cut = cutAt(tag, highlightLimits.tagLength).trim()
    adjustments.push(
      `its tag “${cut}…” was cut to ${highlightLimits.tagLength} characters (Lectern keeps tags that short).`,
    )
    kept.add(cut)
  }
  const all = [...kept]
  if (all.length > highlightLimits.tags)
    adjustments.push(
      `it has ${count(all.length)} tags; the first ${highlightLimits.tags} were kept (Lectern keeps ${highlightLimits.tags} per highlight).`,
    )
  return all.slice(0, highlightLimits.tags)
}

/** The first `length` UTF-16 units of `text`, without half a surrogate pair at the end. */
function cutAt(text: string, length: number): string {
  const cut = text.slice(0, length)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
}

const isoDateTime = highlightSchema.shape.updatedAt

/** Clocks of two computers may disagree: a date up to a day ahead still counts as past. */
const clockSlackMs = 24 * 60 * 60 * 1000

/**
 * A time the store can keep, as an ISO string, or why the one given cannot be kept. A date the
 * store's schema refuses (the year +100000) or one more than a day after the import (which would
 * win every later comparison of modification times) is replaced by the import time.
 */
function keepableTime(
  text: string | null,
  now: string,
): { time: string | null; problem: string | null } {
  if (!text) return { time: null, problem: null }
  const time = new Date(text)
  const iso = Number.isNaN(time.getTime()) ? null : time.toISOString()
  if (iso === null || !isoDateTime.safeParse(iso).success)
    return {
      time: null,
      problem: `“${text}” is not a date Lectern can keep; the import time was used.`,
    }
  if (time.getTime() > Date.parse(now) + clockSlackMs)
    return { time: null, problem: `“${text}” lies in the future; the import time was used.` }
  return { time: iso, problem: null }
}

const fieldNames: Record<string, string> = {
  id: 'id',
  labelId: 'colour',
  selectors: 'passage',
  note: 'note',
  tags: 'tags',
  createdAt: 'creation date',
  updatedAt: 'modification date',
}

function count(value: number): string {
  return value.toLocaleString('en-US')
}
