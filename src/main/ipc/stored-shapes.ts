import type { StoredShapes } from '../../shared/ipc/stored-shapes'
import { maxTextFileBytes } from '../importing/decode-text'
import { assetNamePattern, documentIdPattern } from '../store/data-store'
import {
  actorSchema,
  cardSchema,
  documentMetaSchema,
  highlightLabelSchema,
  highlightSchema,
  positionSchema,
  readingPositionSchema,
  settingsSchema,
  tagSchema,
} from '../store/schema'
import { z } from 'zod'

/**
 * The store's schemas the request modules hold arguments to (see `shared/ipc/stored-shapes.ts`):
 * an argument that would make a record is checked by the rules the record is stored under.
 */
export const storedShapes: StoredShapes = {
  documentId: z.string().regex(documentIdPattern),
  assetName: z.string().regex(assetNamePattern),
  maxTextFileBytes,
  labelId: highlightLabelSchema.shape.id,
  tag: tagSchema,
  cardContent: cardSchema.shape.content,
  actorId: actorSchema.shape.id,
  actorName: actorSchema.shape.name,
  actorKind: actorSchema.shape.kind,
  actorRole: actorSchema.shape.role,
  positionId: positionSchema.shape.id,
  stance: positionSchema.shape.stance,
  positionSummary: positionSchema.shape.summary,
  documentMeta: documentMetaSchema.strict(),
  highlight: highlightSchema.strict(),
  readingPosition: readingPositionSchema.omit({ updatedAt: true }).strict(),
  settingsChanges: settingsSchema
    .extend({
      highlightLabels: settingsSchema.shape.highlightLabels.unwrap(),
      desiredRetention: settingsSchema.shape.desiredRetention.unwrap(),
      newCardsPerDay: settingsSchema.shape.newCardsPerDay.unwrap(),
      maximumIntervalDays: settingsSchema.shape.maximumIntervalDays.unwrap(),
    })
    .partial()
    .strict(),
}
