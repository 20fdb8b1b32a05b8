import { footnoteLabelPattern, markKinds, segmentKinds } from '../../shared/model/document-shape'
import { parseExternalUrl } from '../../shared/links/external-url'
import { z } from 'zod'
import {
  defaultHighlightLabels,
  defaultSettings,
  labelCardKinds,
  settingsLimits,
} from '../../shared/model'

/** The schema version this build writes. Files with a higher number open read-only. */
export const currentSchemaVersion = 3

/** Document ids are also folder names, so they are restricted to a safe alphabet. */
export const documentIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/

const isoDateTime = z.iso.datetime({ offset: true })
const documentIdSchema = z.string().regex(documentIdPattern)
const languageTag = z.string().min(2).max(35)

const { highlightLabels: labelLimits } = settingsLimits

export const highlightLabelSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().trim().min(1).max(labelLimits.nameLength),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  // Optional: libraries from before card kinds lack it. A kind this build does not know (from a
  // newer one) reads as absent, so the label's default applies and the library still opens.
  cardKind: z.enum(labelCardKinds).optional().catch(undefined),
})

export const settingsSchema = z.object({
  theme: z.enum(['light', 'dark', 'sepia']),
  fontSize: z.number().int().min(settingsLimits.fontSize.min).max(settingsLimits.fontSize.max),
  sidePaneWidth: z
    .number()
    .min(settingsLimits.sidePaneWidth.min)
    .max(settingsLimits.sidePaneWidth.max),
  isSidePaneOpen: z.boolean(),
  highlightLabels: z
    .array(highlightLabelSchema)
    .min(labelLimits.min)
    .max(labelLimits.max)
    .refine(
      (labels) => new Set(labels.map((l) => l.id)).size === labels.length,
      'Label ids must be unique',
    )
    .readonly()
    .default(defaultHighlightLabels),
  desiredRetention: z
    .number()
    .min(settingsLimits.desiredRetention.min)
    .max(settingsLimits.desiredRetention.max)
    .default(defaultSettings.desiredRetention),
  newCardsPerDay: z
    .number()
    .int()
    .min(settingsLimits.newCardsPerDay.min)
    .max(settingsLimits.newCardsPerDay.max)
    .default(defaultSettings.newCardsPerDay),
  maximumIntervalDays: z
    .number()
    .int()
    .min(settingsLimits.maximumIntervalDays.min)
    .max(settingsLimits.maximumIntervalDays.max)
    .default(defaultSettings.maximumIntervalDays),
})

export const readingPositionSchema = z.object({
  segmentIndex: z.number().int().nonnegative(),
  segmentFraction: z.number().min(0).max(1),
  progress: z.number().min(0).max(1),
  updatedAt: isoDateTime,
})

const revisionSchema = z.object({
  id: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: isoDateTime,
})

export const documentMetaSchema = z.object({
  id: documentIdSchema,
  title: z.string().min(1),
  lead: z.string().optional(),
  language: languageTag,
  source: z.object({ name: z.string().min(1), url: z.string().optional() }).optional(),
  translation: z
    .object({ fromLanguage: languageTag, isMachineTranslation: z.boolean() })
    .optional(),
  authorTag: z.string().optional(),
  author: z.string().max(200).optional(),
  fileName: z.string().optional(),
  format: z.enum(['text', 'markdown', 'html', 'epub']),
  importedAt: isoDateTime,
  revision: revisionSchema,
  wordCount: z.number().int().nonnegative(),
  readingPosition: readingPositionSchema.optional(),
  toc: z
    .array(z.object({ label: z.string().max(500), segmentIndex: z.number().int().nonnegative() }))
    .max(5000)
    .readonly()
    .optional(),
})

/** library.json: the index of documents and the settings. */
export const libraryFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  documents: z.array(documentMetaSchema),
  settings: settingsSchema,
  /** Ids of bundled documents already imported once, so a deleted one is not brought back. */
  importedBundles: z.array(z.string()),
  /** Ids of documents whose bundled study material (positions, cards) was set up once. */
  importedStudyMaterial: z.array(z.string()).default([]),
})
export type LibraryFile = z.infer<typeof libraryFileSchema>

/**
 * documents/<id>/document.json: the document's own description, so that its library entry can be
 * rebuilt from the folder alone when library.json is lost or damaged.
 */
export const documentFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  document: documentMetaSchema.omit({ readingPosition: true }),
})
export type DocumentFile = z.infer<typeof documentFileSchema>

/** A footnote's label as the source prints it: a few letters or digits. */
const footnoteLabel = z.string().regex(footnoteLabelPattern)

export const segmentSchema = z.object({
  kind: z.enum(segmentKinds),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  lang: languageTag.optional(),
  asset: z
    .string()
    .regex(/^[0-9a-f]{16}\.(?:png|jpe?g|gif|webp)$/)
    .optional(),
  level: z.number().int().min(1).max(6).optional(),
  depth: z.number().int().min(0).max(32).optional(),
  ordinal: z.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
  cell: z
    .object({
      table: z.number().int().nonnegative(),
      row: z.number().int().nonnegative(),
      column: z.number().int().nonnegative().max(1000),
      isHeader: z.boolean(),
    })
    .optional(),
  footnote: footnoteLabel.optional(),
})

/** Inline formatting: only Lectern's own kinds, and links only to https: or mailto: addresses. */
export const markSchema = z.object({
  kind: z.enum(markKinds),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  href: z
    .string()
    .max(2048)
    .refine(
      (href) => parseExternalUrl(href) !== null,
      'A link must be an https: or mailto: address.',
    )
    .optional(),
  footnote: footnoteLabel.optional(),
})

/** documents/<id>/content.json: one revision of a document's text and its blocks. */
export const contentFileSchema = z
  .object({
    schemaVersion: z.literal(currentSchemaVersion),
    documentId: documentIdSchema,
    revision: revisionSchema,
    text: z.string(),
    segments: z.array(segmentSchema),
    marks: z.array(markSchema).optional(),
  })
  .refine((file) => file.segments.every((s) => s.start <= s.end && s.end <= file.text.length), {
    message: 'A block points outside the document text.',
  })
  .refine((file) => (file.marks ?? []).every((m) => m.start < m.end && m.end <= file.text.length), {
    message: 'A formatting mark points outside the document text.',
  })
export type ContentFile = z.infer<typeof contentFileSchema>

export const selectorsSchema = z.object({
  quote: z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  }),
  position: z
    .object({
      type: z.literal('TextPositionSelector'),
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
    })
    .refine((p) => p.start < p.end, 'A passage must not be empty'),
})

/** Tags are short, lower-case words or phrases. */
export const tagSchema = z.string().trim().toLowerCase().min(1).max(40)

export const highlightSchema = z.object({
  id: z.string().min(1).max(64),
  documentId: z.string().min(1),
  labelId: z.string().min(1).max(40),
  selectors: selectorsSchema,
  revisionId: z.string().min(1),
  status: z.enum(['anchored', 'orphan']),
  note: z.string().max(100_000),
  tags: z.array(tagSchema).max(50).readonly(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})

const reportSchema = z.object({
  revisionId: z.string(),
  createdAt: isoDateTime,
  kept: z.array(z.string()).readonly(),
  moved: z.array(z.string()).readonly(),
  changed: z.array(z.string()).readonly(),
  orphaned: z.array(z.string()).readonly(),
})

/** documents/<id>/annotations.json: the highlights and notes of one document. */
export const annotationsFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  documentId: z.string().min(1),
  highlights: z.array(highlightSchema),
  report: reportSchema.optional(),
  /** The text revision the highlights were last re-anchored against. */
  checkedRevisionId: z.string().optional(),
})
export type AnnotationsFile = z.infer<typeof annotationsFileSchema>

const cardContentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('basic'),
    front: z.string().max(20_000),
    back: z.string().max(20_000),
    isReversible: z.boolean(),
  }),
  z.object({
    kind: z.literal('cloze'),
    text: z.string().max(20_000),
    extra: z.string().max(20_000),
  }),
])

export const cardSchema = z.object({
  id: z.string().min(1).max(64),
  documentId: z.string().min(1),
  highlightId: z.string().nullable(),
  content: cardContentSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})

export const scheduleSchema = z.object({
  due: isoDateTime,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  scheduledDays: z.number().nonnegative(),
  learningSteps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.enum(['new', 'learning', 'review', 'relearning']),
  lastReview: isoDateTime.nullable(),
})

/** A study item's schedule plus what the reader decided about it. */
export const itemScheduleSchema = scheduleSchema.extend({
  isSuspended: z.boolean(),
  buriedUntil: isoDateTime.nullable(),
  /** The review-log entry this schedule came from; null for a new item. */
  lastReviewId: z.string().nullable(),
})
export type ItemSchedule = z.infer<typeof itemScheduleSchema>

/**
 * documents/<id>/cards.json: a document's cards. Their schedules live apart, in shards (below),
 * so grading a card rewrites a small file, not every card of the document.
 */
export const cardsFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  documentId: z.string().min(1),
  cards: z.array(cardSchema),
  /**
   * Schema 1 kept every schedule here, keyed by `${cardId}:${variant}`; the store moves them to
   * the shards when it opens such a file.
   */
  schedules: z.record(z.string(), itemScheduleSchema).optional(),
})
export type CardsFile = z.infer<typeof cardsFileSchema>

/** documents/<id>/schedules/<shard>.json: the schedules of the cards whose id hashes here. */
export const scheduleShardFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  documentId: z.string().min(1),
  shard: z.string().regex(/^[0-9a-f]{2}$/),
  /** Keyed by `${cardId}:${variant}`. */
  schedules: z.record(z.string(), itemScheduleSchema),
})
export type ScheduleShardFile = z.infer<typeof scheduleShardFileSchema>

export const reviewEntrySchema = z.object({
  id: z.string().min(1),
  documentId: z.string().min(1),
  cardId: z.string().min(1),
  variant: z.string().regex(/^(forward|reverse|c\d+)$/),
  kind: z.enum(['review', 'reset']),
  grade: z.enum(['again', 'hard', 'good', 'easy']).nullable(),
  reviewedAt: isoDateTime,
  before: scheduleSchema.nullable(),
  after: scheduleSchema,
})
export type ReviewEntry = z.infer<typeof reviewEntrySchema>

/**
 * reviews/<yyyy-mm-dd>.json: the review log of one (UTC) day. Schema 1 kept a month per file
 * (reviews/<yyyy-mm>.json, with `month`); those are still read and amended, never rewritten
 * into days.
 */
export const reviewsFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  entries: z.array(reviewEntrySchema),
})
export type ReviewsFile = z.infer<typeof reviewsFileSchema>

export const actorSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(['organisation', 'person', 'body']),
  role: z.string().max(200),
})

export const positionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  actorId: z.string().min(1),
  stance: z.enum(['for', 'against', 'mixed', 'neutral']),
  summary: z.string().trim().min(1).max(1000),
  evidence: z.array(z.string().min(1)).readonly(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
})

/** documents/<id>/positions.json: who holds which view, and the suggestions the reader turned down. */
export const positionsFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  documentId: z.string().min(1),
  topic: z.string().max(200),
  actors: z.array(actorSchema),
  positions: z.array(positionSchema),
  rejectedSuggestions: z.array(z.string()),
})
export type PositionsFile = z.infer<typeof positionsFileSchema>

const alignedRowSchema = z.object({
  left: z.array(z.number().int().nonnegative()),
  right: z.array(z.number().int().nonnegative()),
  isManual: z.boolean(),
})

/** alignments/<left>__<right>.json: how two documents' blocks line up, with the reader's fixes. */
export const alignmentFileSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  leftId: z.string().min(1),
  rightId: z.string().min(1),
  rows: z.array(alignedRowSchema),
})
export type AlignmentFile = z.infer<typeof alignmentFileSchema>
