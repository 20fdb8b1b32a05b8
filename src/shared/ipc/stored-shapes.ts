import { z } from 'zod'
import type {
  ActorKind,
  CardContent,
  DocumentMeta,
  Highlight,
  ReadingPosition,
  Settings,
  Stance,
} from '../model'

/**
 * The store's own schemas (and limits) that requests reuse, so that an argument is held to
 * exactly the rules its record is stored under. They live in main (`store/schema.ts`), which
 * shared code may not import; main provides them before it validates a request
 * (`main/ipc/stored-shapes.ts`), and the request modules read them only when an argument is
 * parsed. The preload and the renderer never parse, so they never need them. Each is typed as the
 * model type, so the store's schema must parse to what the renderer sends.
 */
export interface StoredShapes {
  readonly documentId: z.ZodType<string>
  readonly assetName: z.ZodType<string>
  /** Largest text file Lectern imports. */
  readonly maxTextFileBytes: number
  readonly labelId: z.ZodType<string>
  readonly tag: z.ZodType<string>
  readonly cardContent: z.ZodType<CardContent>
  readonly actorId: z.ZodType<string>
  readonly actorName: z.ZodType<string>
  readonly actorKind: z.ZodType<ActorKind>
  readonly actorRole: z.ZodType<string>
  readonly positionId: z.ZodType<string>
  readonly stance: z.ZodType<Stance>
  readonly positionSummary: z.ZodType<string>
  /** A document's metadata, exactly (no unknown keys). */
  readonly documentMeta: z.ZodType<DocumentMeta>
  /** A highlight, exactly (no unknown keys). */
  readonly highlight: z.ZodType<Highlight>
  readonly readingPosition: z.ZodType<Omit<ReadingPosition, 'updatedAt'>>
  /** Some of the reader's preferences, each as strictly as stored; no unknown keys. */
  readonly settingsChanges: z.ZodType<Partial<Settings>>
}

type SchemaName = {
  [K in keyof StoredShapes]: StoredShapes[K] extends z.ZodType ? K : never
}[keyof StoredShapes]

let provided: StoredShapes | undefined

/** Main hands over the store's schemas once, before any request is validated. */
export function provideStoredShapes(shapes: StoredShapes): void {
  provided = shapes
}

/**
 * The store's schemas. A request parsed before main provided them is a bug, and says so; parse
 * only through `createDispatch`, which provides them first (zod remembers a lazy field's schema,
 * or its failure, from its first parse).
 */
export function storedShapes(): StoredShapes {
  if (!provided) throw new Error('A request was validated before main provided the store schemas.')
  return provided
}

/** A schema that is the store's schema `name`, looked up when an argument is parsed. */
export function stored<K extends SchemaName>(name: K): z.ZodLazy<StoredShapes[K]> {
  return z.lazy(() => storedShapes()[name])
}
