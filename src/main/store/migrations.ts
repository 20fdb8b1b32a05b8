import { currentSchemaVersion } from './schema'

/** Turns the raw data of one schema version into the next. Pure; never sees the disk. */
type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/**
 * `migrations[v]` migrates version v to v + 1. Version 0 is data from before files carried a
 * schemaVersion (pre-release builds); it has the same shape, so stamping it is enough.
 */
const migrations: readonly Migration[] = [
  (data) => ({ ...data, schemaVersion: 1 }),
  // Schema 2 moved card schedules out of cards.json into shards and the review log into daily
  // files. Both old shapes stay readable (optional `schedules`, `month`); the store moves a
  // cards file's schedules to the shards the first time it opens it.
  (data) => ({ ...data, schemaVersion: 2 }),
  // Schema 3 lets a document's content keep its shape: heading levels, list numbers and nesting,
  // code blocks, table cells, footnotes and inline marks. All optional, so stamping is enough;
  // an older Lectern opens a version-3 library read-only rather than drop what it cannot show.
  (data) => ({ ...data, schemaVersion: 3 }),
]

/** The schema version a parsed file declares; 0 when it has none. */
export function schemaVersionOf(data: Record<string, unknown>): number {
  const version = data['schemaVersion']
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0
}

/** Brings data of an older schema version up to the current one. */
export function migrateToCurrent(data: Record<string, unknown>): Record<string, unknown> {
  let migrated = data
  for (let version = schemaVersionOf(data); version < currentSchemaVersion; version++) {
    const step = migrations[version]
    if (!step) throw new Error(`No migration from schema version ${version}`)
    migrated = step(migrated)
  }
  return migrated
}
