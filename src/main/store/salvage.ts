import type { z } from 'zod'

/**
 * A list of records inside a data file (the highlights of annotations.json, the documents of
 * library.json…). Records are what the reader made; a damaged file is repaired record by record,
 * so one bad record costs that record, never its neighbours.
 */
export interface RecordCollection {
  /** The top-level field that holds the records. */
  readonly field: string
  /** An array of records, or an object whose values are records keyed by id. */
  readonly shape: 'array' | 'map'
  readonly item: z.ZodType
  /** The record's identity, to merge a damaged file with its copies; none: never merged. */
  readonly key?: (record: unknown) => string | undefined
  /** How a reader knows the record in a report: a title, a quote, a card's front. */
  readonly describe: (record: unknown) => string
  /**
   * Mends a record that fails its schema in a way that can be put right without guessing (a
   * highlight whose position is broken still has its quote): tried before setting it aside.
   */
  readonly mend?: (record: unknown) => unknown
  /** Whether a valid record also fits the rest of the file (a block inside the text, say). */
  readonly fits?: (record: unknown, file: Record<string, unknown>) => boolean
}

/** A record that could not be kept, as the report names it. */
export interface SetAside {
  readonly field: string
  readonly description: string
}

/** What salvaging a damaged file's parsed content gave. */
export interface Salvaged<T> {
  readonly data: T
  readonly setAside: readonly SetAside[]
  /** Records kept after mending, as the report names them. */
  readonly mended: readonly SetAside[]
  /** Top-level fields that could not be read and came from the fallback (or the defaults). */
  readonly replacedFields: readonly string[]
}

/**
 * Keeps every valid record of a damaged file's parsed content, sets the others aside, and takes
 * any other unreadable field from `fallback` (a copy of the file, or its defaults). Null when the
 * result still does not pass the schema (the text itself is lost, say) and nothing can stand in.
 */
export function salvageRecords<T>(
  raw: Record<string, unknown>,
  schema: z.ZodType<T>,
  collections: readonly RecordCollection[],
  fallback: T | null,
  /** Whose file this is ({ documentId }): records of another document are not kept here. */
  owner: Readonly<Record<string, string>> = {},
): Salvaged<T> | null {
  const candidate: Record<string, unknown> = { ...raw, ...owner }
  const setAside: SetAside[] = []
  const mended: SetAside[] = []
  const replacedFields: string[] = []
  const shape = objectShape(schema)
  const fallbackFields = (fallback ?? {}) as Record<string, unknown>
  for (const [field, fieldSchema] of Object.entries(shape ?? {})) {
    if (collections.some((c) => c.field === field)) continue
    if (fieldSchema.safeParse(candidate[field]).success) continue
    if (field in fallbackFields) {
      candidate[field] = fallbackFields[field]
      replacedFields.push(field)
    }
  }
  for (const collection of collections) {
    const kept = keepValidRecords(candidate[collection.field], collection, candidate, owner)
    candidate[collection.field] = kept.records
    setAside.push(...kept.setAside)
    mended.push(...kept.mended)
  }
  const result = schema.safeParse(candidate)
  return result.success ? { data: result.data, setAside, mended, replacedFields } : null
}

/**
 * Adds to `base` the records of `extra` that `base` does not have (by key): what a damaged file
 * lost is taken back from a copy. Records in both keep `base`'s version. Returns the count added.
 */
export function addMissingRecords<T>(
  base: T,
  extra: T,
  collections: readonly RecordCollection[],
): { data: T; added: number } {
  const merged = { ...(base as Record<string, unknown>) }
  const extraFields = extra as Record<string, unknown>
  let added = 0
  for (const collection of collections) {
    const { key } = collection
    if (!key) continue
    if (collection.shape === 'array') {
      const mine = (merged[collection.field] as unknown[] | undefined) ?? []
      const known = new Set(mine.map(key))
      const missing = ((extraFields[collection.field] as unknown[] | undefined) ?? []).filter(
        (record) => !known.has(key(record)),
      )
      added += missing.length
      merged[collection.field] = [...mine, ...missing]
    } else {
      const mine = (merged[collection.field] as Record<string, unknown> | undefined) ?? {}
      const theirs = (extraFields[collection.field] as Record<string, unknown> | undefined) ?? {}
      const missing = Object.entries(theirs).filter(([id]) => !(id in mine))
      added += missing.length
      merged[collection.field] = { ...mine, ...Object.fromEntries(missing) }
    }
  }
  return { data: merged as T, added }
}

function keepValidRecords(
  value: unknown,
  collection: RecordCollection,
  file: Record<string, unknown>,
  owner: Readonly<Record<string, string>>,
): { records: unknown; setAside: SetAside[]; mended: SetAside[] } {
  const setAside: SetAside[] = []
  const mended: SetAside[] = []
  const isOwn = (record: unknown) =>
    owner['documentId'] === undefined ||
    fieldOf(record, 'documentId') === undefined ||
    fieldOf(record, 'documentId') === owner['documentId']
  const fits = (record: unknown) => {
    const parsed = collection.item.safeParse(record)
    return parsed.success && isOwn(parsed.data) && (collection.fits?.(parsed.data, file) ?? true)
      ? parsed
      : null
  }
  const isKept = (record: unknown) => {
    const parsed = fits(record)
    if (parsed) return parsed
    const description = { field: collection.field, description: safeDescribe(collection, record) }
    const repaired = collection.mend ? fits(safeMend(collection.mend, record)) : null
    if (repaired) mended.push(description)
    else setAside.push(description)
    return repaired
  }
  if (collection.shape === 'array') {
    const records = Array.isArray(value) ? value : []
    const kept = records.flatMap((record) => {
      const parsed = isKept(record)
      return parsed ? [parsed.data] : []
    })
    return { records: kept, setAside, mended }
  }
  const entries = isPlainObject(value) ? Object.entries(value) : []
  const kept = entries.flatMap(([id, record]) => {
    const parsed = isKept(record)
    return parsed ? [[id, parsed.data] as const] : []
  })
  return { records: Object.fromEntries(kept), setAside, mended }
}

function safeMend(mend: (record: unknown) => unknown, record: unknown): unknown {
  try {
    return mend(record)
  } catch {
    return undefined
  }
}

function safeDescribe(collection: RecordCollection, record: unknown): string {
  try {
    return collection.describe(record)
  } catch {
    return 'an unreadable entry'
  }
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape
  return shape && typeof shape === 'object' ? shape : null
}

/** True for a JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A field of a record read defensively: records being salvaged may have any shape. */
export function fieldOf(record: unknown, ...path: string[]): unknown {
  let value = record
  for (const name of path) value = isPlainObject(value) ? value[name] : undefined
  return value
}

/** Up to `length` characters of a text, for naming a record in a report. */
export function excerpt(value: unknown, length = 60): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  const text = value.replace(/\s+/g, ' ').trim()
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}
