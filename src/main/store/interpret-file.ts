import type { z } from 'zod'
import { migrateToCurrent, schemaVersionOf } from './migrations'
import { isPlainObject, salvageRecords, type RecordCollection } from './salvage'
import { currentSchemaVersion } from './schema'

/** What a data file's bytes turned out to hold. */
export type Interpretation<T> =
  | { readonly kind: 'valid'; readonly data: T; readonly migratedFrom: number | null }
  | {
      readonly kind: 'newer'
      readonly version: number
      readonly data: T | null
      /** Records this build could not read, left out of `data` (the file itself is untouched). */
      readonly setAside: number
    }
  | { readonly kind: 'damaged'; readonly reason: string }

/**
 * Parses, migrates and validates the text of a data file. Pure: the caller decides what to do
 * with a damaged or newer file.
 */
export function interpretFile<T>(
  text: string,
  schema: z.ZodType<T>,
  records: readonly RecordCollection[] = [],
  /** What stands in for a field of a newer file that this build cannot read (a new setting). */
  fallback: T | null = null,
  /** Fields that say whose file this is ({ documentId }): another owner's file is not valid here. */
  owner?: Readonly<Record<string, string>>,
): Interpretation<T> {
  if (text.trim() === '') return { kind: 'damaged', reason: 'it is empty' }
  if (text.includes('\u0000')) return { kind: 'damaged', reason: 'it contains binary zeros' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { kind: 'damaged', reason: 'it is cut off or is not valid JSON' }
  }
  if (!isPlainObject(parsed)) return { kind: 'damaged', reason: 'it does not hold Lectern data' }
  const version = schemaVersionOf(parsed)
  if (version > currentSchemaVersion) return readNewer(parsed, version, schema, records, fallback)
  const result = schema.safeParse(migrateToCurrent(parsed))
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : ''
    return { kind: 'damaged', reason: `its content has an unexpected shape${where}` }
  }
  const stranger = Object.entries(owner ?? {}).find(([field, value]) => parsed[field] !== value)
  if (stranger)
    return {
      kind: 'damaged',
      reason: `it holds the data of another ${stranger[0] === 'documentId' ? 'document' : 'file'}`,
    }
  return {
    kind: 'valid',
    data: result.data,
    migratedFrom: version < currentSchemaVersion ? version : null,
  }
}

/**
 * A newer build wrote the file: read what this build understands, record by record (a document
 * of a format it does not know is left out, the others are shown); it is never written back.
 */
function readNewer<T>(
  raw: Record<string, unknown>,
  version: number,
  schema: z.ZodType<T>,
  records: readonly RecordCollection[],
  fallback: T | null,
): Interpretation<T> {
  const asCurrent = { ...raw, schemaVersion: currentSchemaVersion }
  const whole = schema.safeParse(asCurrent)
  if (whole.success) return { kind: 'newer', version, data: whole.data, setAside: 0 }
  const salvaged = salvageRecords(asCurrent, schema, records, fallback)
  return {
    kind: 'newer',
    version,
    data: salvaged?.data ?? null,
    setAside: salvaged?.setAside.length ?? 0,
  }
}
