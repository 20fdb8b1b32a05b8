import type { z } from 'zod'
import { migrateToCurrent, schemaVersionOf } from './migrations'
import { currentSchemaVersion } from './schema'

/** What a data file's bytes turned out to hold. */
export type Interpretation<T> =
  | { readonly kind: 'valid'; readonly data: T; readonly migratedFrom: number | null }
  | { readonly kind: 'newer'; readonly version: number; readonly data: T | null }
  | { readonly kind: 'damaged'; readonly reason: string }

/**
 * Parses, migrates and validates the text of a data file. Pure: the caller decides what to do
 * with a damaged or newer file.
 */
export function interpretFile<T>(text: string, schema: z.ZodType<T>): Interpretation<T> {
  if (text.trim() === '') return { kind: 'damaged', reason: 'it is empty' }
  if (text.includes('\u0000')) return { kind: 'damaged', reason: 'it contains binary zeros' }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { kind: 'damaged', reason: 'it is cut off or is not valid JSON' }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'damaged', reason: 'it does not hold Lectern data' }
  }
  const raw = parsed as Record<string, unknown>
  const version = schemaVersionOf(raw)
  if (version > currentSchemaVersion) {
    // A newer build wrote it. Read what this build understands; never write it back.
    const readable = schema.safeParse({ ...raw, schemaVersion: currentSchemaVersion })
    return { kind: 'newer', version, data: readable.success ? readable.data : null }
  }
  const result = schema.safeParse(migrateToCurrent(raw))
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : ''
    return { kind: 'damaged', reason: `its content has an unexpected shape${where}` }
  }
  return {
    kind: 'valid',
    data: result.data,
    migratedFrom: version < currentSchemaVersion ? version : null,
  }
}
