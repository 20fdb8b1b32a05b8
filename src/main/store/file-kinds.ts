import { z } from 'zod'
import { defaultSettings } from '../../shared/model'
import type { StoredFileSpec } from './open-context'
import { excerpt, fieldOf, type RecordCollection } from './salvage'
import {
  actorSchema,
  alignmentFileSchema,
  annotationsFileSchema,
  cardSchema,
  cardsFileSchema,
  contentFileSchema,
  currentSchemaVersion,
  documentFileSchema,
  documentMetaSchema,
  highlightSchema,
  itemScheduleSchema,
  libraryFileSchema,
  positionSchema,
  positionsFileSchema,
  reviewEntrySchema,
  reviewsFileSchema,
  scheduleShardFileSchema,
  segmentSchema,
  type AlignmentFile,
  type AnnotationsFile,
  type CardsFile,
  type ContentFile,
  type DocumentFile,
  type LibraryFile,
  type PositionsFile,
  type ReviewsFile,
  type ScheduleShardFile,
} from './schema'

/**
 * One kind of data file, described once: where it lives, the schema that reads it (and that
 * every write is checked against), its content when new, and the records it holds, which a
 * damaged file is repaired by. The store serves every kind the same way.
 */
export interface FileKind<T, Args extends readonly string[]> {
  /** Path below the data dir, with forward slashes. */
  readonly path: (...args: Args) => string
  /** How the reader knows this file: "your library", "the highlights and notes of a document". */
  readonly label: string
  readonly schema: z.ZodType<T>
  /** Content for a new file; without it a missing file opens as null. */
  readonly defaults?: (...args: Args) => T
  readonly records: readonly RecordCollection[]
  /** Fields that say whose file this is ({ documentId }): a file naming another owner is not this one. */
  readonly owner?: (...args: Args) => Readonly<Record<string, string>>
  /** Saves of a few records are appended to a journal beside the file (record-journal.ts). */
  readonly journal?: boolean
}

const byId = (record: unknown) => {
  const id = fieldOf(record, 'id')
  return typeof id === 'string' ? id : undefined
}

const named = (what: string, text: unknown) => {
  const words = excerpt(text)
  return words ? `${what} “${words}”` : `${what} that could not be read`
}

export const libraryKind: FileKind<LibraryFile, []> = {
  journal: true,
  path: () => 'library.json',
  label: 'your library',
  schema: libraryFileSchema,
  defaults: () => ({
    schemaVersion: currentSchemaVersion,
    documents: [],
    settings: defaultSettings,
    importedBundles: [],
    importedStudyMaterial: [],
  }),
  records: [
    {
      field: 'documents',
      shape: 'array',
      item: documentMetaSchema,
      key: byId,
      describe: (doc) => named('the document', fieldOf(doc, 'title') ?? fieldOf(doc, 'id')),
    },
    ...(['importedBundles', 'importedStudyMaterial'] as const).map((field): RecordCollection => ({
      field,
      shape: 'array',
      item: z.string(),
      key: (id) => (typeof id === 'string' ? id : undefined),
      describe: (id) => named('the note that a bundled document was set up', id),
    })),
  ],
}

export const documentKind: FileKind<DocumentFile, [documentId: string]> = {
  path: (documentId) => `documents/${documentId}/document.json`,
  label: 'the description of a document',
  schema: documentFileSchema,
  records: [],
}

export const contentKind: FileKind<ContentFile, [documentId: string]> = {
  path: (documentId) => `documents/${documentId}/content.json`,
  label: 'the text of a document',
  schema: contentFileSchema,
  owner: (documentId) => ({ documentId }),
  records: [
    {
      field: 'segments',
      shape: 'array',
      item: segmentSchema,
      describe: () => 'a block of the text',
      fits: (segment, file) => {
        const text = file['text']
        const end = fieldOf(segment, 'end')
        const start = fieldOf(segment, 'start')
        return (
          typeof text === 'string' &&
          typeof start === 'number' &&
          typeof end === 'number' &&
          start <= end &&
          end <= text.length
        )
      },
    },
  ],
}

export const annotationsKind: FileKind<AnnotationsFile, [documentId: string]> = {
  journal: true,
  path: (documentId) => `documents/${documentId}/annotations.json`,
  label: 'the highlights and notes of a document',
  schema: annotationsFileSchema,
  defaults: (documentId) => ({ schemaVersion: currentSchemaVersion, documentId, highlights: [] }),
  owner: (documentId) => ({ documentId }),
  records: [
    {
      field: 'highlights',
      shape: 'array',
      item: highlightSchema,
      key: byId,
      describe: (h) => named('the highlight', fieldOf(h, 'selectors', 'quote', 'exact')),
      // A broken position with a sound quote: kept as an orphan, re-attached by its quote.
      mend: (h) => {
        const exact = fieldOf(h, 'selectors', 'quote', 'exact')
        if (typeof exact !== 'string' || exact.length === 0) return h
        const selectors = fieldOf(h, 'selectors') as Record<string, unknown>
        return {
          ...(h as Record<string, unknown>),
          status: 'orphan',
          selectors: {
            ...selectors,
            position: { type: 'TextPositionSelector', start: 0, end: exact.length },
          },
        }
      },
    },
  ],
}

const cardWords = (card: unknown) =>
  fieldOf(card, 'content', 'front') ?? fieldOf(card, 'content', 'text')

export const cardsKind: FileKind<CardsFile, [documentId: string]> = {
  journal: true,
  path: (documentId) => `documents/${documentId}/cards.json`,
  label: 'the flashcards of a document',
  schema: cardsFileSchema,
  defaults: (documentId) => ({ schemaVersion: currentSchemaVersion, documentId, cards: [] }),
  owner: (documentId) => ({ documentId }),
  records: [
    {
      field: 'cards',
      shape: 'array',
      item: cardSchema,
      key: byId,
      describe: (card) => named('the card', cardWords(card)),
    },
    {
      field: 'schedules',
      shape: 'map',
      item: itemScheduleSchema,
      describe: () => 'the study schedule of a card',
    },
  ],
}

export const scheduleShardKind: FileKind<ScheduleShardFile, [documentId: string, shard: string]> = {
  path: (documentId, shard) => `documents/${documentId}/schedules/${shard}.json`,
  label: 'the study schedule of a document',
  schema: scheduleShardFileSchema,
  defaults: (documentId, shard) => ({
    schemaVersion: currentSchemaVersion,
    documentId,
    shard,
    schedules: {},
  }),
  owner: (documentId, shard) => ({ documentId, shard }),
  records: [
    {
      field: 'schedules',
      shape: 'map',
      item: itemScheduleSchema,
      describe: () => 'the study schedule of a card',
    },
  ],
}

export const positionsKind: FileKind<PositionsFile, [documentId: string]> = {
  path: (documentId) => `documents/${documentId}/positions.json`,
  label: 'the key positions of a document',
  schema: positionsFileSchema,
  defaults: (documentId) => ({
    schemaVersion: currentSchemaVersion,
    documentId,
    topic: '',
    actors: [],
    positions: [],
    rejectedSuggestions: [],
  }),
  owner: (documentId) => ({ documentId }),
  records: [
    {
      field: 'actors',
      shape: 'array',
      item: actorSchema,
      key: byId,
      describe: (actor) => named('the actor', fieldOf(actor, 'name')),
    },
    {
      field: 'positions',
      shape: 'array',
      item: positionSchema,
      key: byId,
      describe: (position) => named('the position', fieldOf(position, 'summary')),
    },
  ],
}

export const alignmentKind: FileKind<AlignmentFile, [leftId: string, rightId: string]> = {
  path: (leftId, rightId) => `alignments/${leftId}__${rightId}.json`,
  label: 'the alignment of two documents',
  schema: alignmentFileSchema,
  defaults: (leftId, rightId) => ({
    schemaVersion: currentSchemaVersion,
    leftId,
    rightId,
    rows: [],
  }),
  owner: (leftId, rightId) => ({ leftId, rightId }),
  // Rows only mean something together: a damaged alignment is taken from a copy whole.
  records: [],
}

export const reviewsKind: FileKind<ReviewsFile, [period: string]> = {
  journal: true,
  path: (period) => `reviews/${period}.json`,
  label: 'your review history',
  schema: reviewsFileSchema,
  defaults: (period) => ({
    schemaVersion: currentSchemaVersion,
    ...(/^\d{4}-\d{2}-\d{2}$/.test(period) ? { day: period } : { month: period }),
    entries: [],
  }),
  records: [
    {
      field: 'entries',
      shape: 'array',
      item: reviewEntrySchema,
      key: byId,
      describe: (entry) => `the review of ${String(fieldOf(entry, 'reviewedAt') ?? 'a card')}`,
    },
  ],
}

/** The open-file spec of one file of a kind; `label` names it in messages. */
export function specOf<T, Args extends readonly string[]>(
  kind: FileKind<T, Args>,
  args: Args,
  label: string,
): StoredFileSpec<T> {
  const { defaults } = kind
  return {
    relPath: kind.path(...args),
    label,
    schema: kind.schema,
    records: kind.records,
    ...(kind.owner ? { owner: kind.owner(...args) } : {}),
    ...(defaults ? { defaults: () => defaults(...args) } : {}),
    ...(kind.journal ? { journal: true } : {}),
  }
}
