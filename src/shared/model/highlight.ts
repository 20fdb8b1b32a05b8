import type { Selectors } from './annotation'

/**
 * The card a highlight of a colour proposes: a cloze, term → definition, "What does <actor>
 * want?", or a question.
 */
export const labelCardKinds = ['cloze', 'term-definition', 'position-question', 'question'] as const

/** One of `labelCardKinds`. */
export type LabelCardKind = (typeof labelCardKinds)[number]

/** A highlight colour with a meaning the reader gives it ("Key position", "Evidence"…). */
export interface HighlightLabel {
  readonly id: string
  readonly name: string
  /** A hex colour, #rrggbb. */
  readonly color: string
  /** The card its highlights propose; absent in libraries from before it existed. */
  readonly cardKind?: LabelCardKind
}

/** The labels a fresh library starts with; the reader can rename and recolour them. */
export const defaultHighlightLabels: readonly HighlightLabel[] = [
  { id: 'key-position', name: 'Key position', color: '#f2c230', cardKind: 'position-question' },
  { id: 'evidence', name: 'Evidence', color: '#5cc98a', cardKind: 'cloze' },
  { id: 'question', name: 'Question', color: '#5aaef0', cardKind: 'question' },
  { id: 'definition', name: 'Definition', color: '#e78fcf', cardKind: 'term-definition' },
]

/**
 * A highlighted passage with its note and tags. `selectors` describe the passage in revision
 * `revisionId`; while `status` is 'anchored' that is the document's current revision and
 * `selectors.position` is where it is. An orphan's passage was not found in the current text.
 */
export interface Highlight {
  readonly id: string
  readonly documentId: string
  readonly labelId: string
  readonly selectors: Selectors
  readonly revisionId: string
  readonly status: 'anchored' | 'orphan'
  /** Markdown; empty when there is no note. */
  readonly note: string
  readonly tags: readonly string[]
  readonly createdAt: string
  readonly updatedAt: string
}

/** What can be changed on a highlight after it is made. */
export interface HighlightChanges {
  readonly labelId?: string
  readonly note?: string
  readonly tags?: readonly string[]
}

/** What happened to a document's highlights when its text changed. */
export interface ReanchorReport {
  readonly revisionId: string
  readonly createdAt: string
  /** Highlight ids at the same place. */
  readonly kept: readonly string[]
  /** Found with the same words somewhere else. */
  readonly moved: readonly string[]
  /** Found, but the words changed: worth a look. */
  readonly changed: readonly string[]
  /** Not found: kept, listed, waiting to be re-attached or deleted. */
  readonly orphaned: readonly string[]
}

/** A document's annotations as the reader receives them. */
export interface DocumentAnnotations {
  readonly highlights: readonly Highlight[]
  /** The last re-anchoring report, until the reader dismisses it. */
  readonly report?: ReanchorReport
}
