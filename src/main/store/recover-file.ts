import { basename, dirname, join } from 'node:path'
import { fileStamp } from './backups'
import { diskCause } from './disk-errors'
import { DurableJsonAdapter } from './durable-json-adapter'
import { interpretFile } from './interpret-file'
import { parseLeniently } from './lenient-json'
import { migrateToCurrent, schemaVersionOf } from './migrations'
import type { OpenContext, StoredFileSpec } from './open-stored-file'
import { addMissingRecords, isPlainObject, salvageRecords, type Salvaged } from './salvage'
import { currentSchemaVersion } from './schema'
import { hasErrorCode, type StoreFs } from './store-fs'

/** A readable copy of a data file: the copy of its last save, or a rotated backup. */
export interface GoodCopy<T> {
  readonly data: T
  /** True for the copy of the last acknowledged save: nothing acknowledged is missing from it. */
  readonly isLatest: boolean
  /** "2026-11-28 15:46 UTC", for the reader. */
  readonly takenAt: string
}

/** What a damaged file became, and whether the repair could be written. */
export interface Recovered<T> {
  readonly data: T
  /** False when the disk refused the repair: the file opens read-only with what was recovered. */
  readonly isRepairedOnDisk: boolean
}

/** The newest copy of a file that passes its schema: its last save's copy first, then backups. */
export async function readNewestGoodCopy<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
): Promise<GoodCopy<T> | null> {
  const latestPath = context.backups.latestPath(spec.relPath)
  const latest = await readTextIfPresent(context.fs, latestPath).catch(() => null)
  if (latest !== null) {
    const found = interpretFile(latest, spec.schema)
    if (found.kind === 'valid') return { data: found.data, isLatest: true, takenAt: 'last save' }
  }
  for (const backupPath of await context.backups.list(spec.relPath).catch(() => [])) {
    const text = await readTextIfPresent(context.fs, backupPath).catch(() => null)
    if (text === null) continue
    const found = interpretFile(text, spec.schema)
    if (found.kind === 'valid')
      return { data: found.data, isLatest: false, takenAt: describeBackupTime(backupPath) }
  }
  return null
}

/**
 * Repairs a damaged data file. Every record it still holds that passes the schema is kept; the
 * copy of the last save (or the newest good backup) supplies what it lost; the damaged file is
 * copied aside as `*.corrupt-<time>` before the repair replaces it, so nothing is destroyed. When
 * the disk refuses (full, failing), the file is left as it is and the recovered data is shown
 * read-only. Null when nothing could be recovered and the file has no defaults: it stays as is.
 */
export async function recoverDamagedFile<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
  text: string,
  reason: string,
): Promise<Recovered<T> | null> {
  const records = spec.records ?? []
  const copy = await readNewestGoodCopy(spec, context)
  const lenient = parseLeniently(text)
  const raw = lenient && isPlainObject(lenient.value) ? asCurrentVersion(lenient.value) : null
  const defaults = spec.defaults?.() ?? null
  const salvaged = raw ? salvageRecords(raw, spec.schema, records, copy?.data ?? defaults) : null
  let data: T | null = salvaged?.data ?? copy?.data ?? null
  let added = 0
  if (salvaged && copy) {
    // The copy of the last save is exact; a damaged file's records may be subtly wrong. From an
    // older backup, only what the damaged file lost is taken.
    const [base, extra] = copy.isLatest ? [copy.data, salvaged.data] : [salvaged.data, copy.data]
    const merged = addMissingRecords(base, extra, records)
    const checked = spec.schema.safeParse(merged.data)
    data = checked.success ? checked.data : base
    added = checked.success ? merged.added : 0
  }
  const label = capitalise(spec.label)
  const what = `${label} could not be read because ${reason}.`
  if (context.inUseElsewhere === true) {
    context.report({
      id: `unreadable:${spec.relPath}`,
      level: 'error',
      title: 'A data file could not be read',
      message:
        context.readOnlyCause === 'unwritable'
          ? `${what} The data folder cannot be written to, so Lectern shows what it could recover and changes nothing.`
          : `${what} The Lectern that has this library open will repair it.`,
    })
    const shown = data ?? defaults
    return shown === null ? null : { data: shown, isRepairedOnDisk: true }
  }
  if (data === null && defaults === null) {
    context.report({
      id: `lost:${spec.relPath}`,
      level: 'error',
      title: 'A data file could not be recovered',
      message: `${what} It has no usable copy, so Lectern left it as it is; nothing was deleted.`,
    })
    return null
  }
  const repaired = data ?? (defaults as T)
  const path = join(context.dataDir, spec.relPath)
  const asideName = `${basename(path)}.corrupt-${fileStamp(context.now())}`
  const outcome = describeOutcome({ copy, salvaged, dropped: lenient?.dropped ?? 0, added })
  try {
    await context.fs.copyFile(path, join(dirname(path), asideName))
    await new DurableJsonAdapter<T>(path, context.fs).write(repaired)
  } catch (error) {
    context.report({
      id: `unrepaired:${spec.relPath}`,
      level: 'error',
      title: 'A damaged file could not be repaired yet',
      message: `${what} ${outcome.text} But the repair could not be saved because ${diskCause(error) ?? 'of an unexpected error'}, so the file was left untouched and opens read-only. Make room and start Lectern again.`,
    })
    return { data: repaired, isRepairedOnDisk: false }
  }
  await context.backups.saveLatest(spec.relPath, JSON.stringify(repaired))
  context.report({
    id: `recovered:${spec.relPath}`,
    level: outcome.isComplete ? 'warning' : 'error',
    title: outcome.isComplete ? 'Repaired a damaged file' : 'Recovered part of a damaged file',
    message: `${what} ${outcome.text} The damaged file was kept as ${asideName}.`,
  })
  return { data: repaired, isRepairedOnDisk: true }
}

function describeOutcome<T>(found: {
  copy: GoodCopy<T> | null
  salvaged: Salvaged<T> | null
  dropped: number
  added: number
}): { text: string; isComplete: boolean } {
  const { copy, salvaged, dropped, added } = found
  if (copy?.isLatest)
    return {
      text: `Lectern repaired it from the copy of your last save; nothing is missing.${added > 0 ? ` ${added} entries found only in the damaged file were kept too.` : ''}`,
      isComplete: true,
    }
  if (!salvaged) {
    return copy
      ? {
          text: `Lectern restored the backup from ${copy.takenAt}; changes made after that are missing.`,
          isComplete: false,
        }
      : { text: 'There was no usable copy, so Lectern started it afresh.', isComplete: false }
  }
  const parts: string[] = []
  const { mended } = salvaged
  if (mended.length > 0)
    parts.push(
      `${mended.length} ${mended.length === 1 ? 'entry' : 'entries'} had to be mended (${mended
        .slice(0, 3)
        .map((entry) => entry.description)
        .join(', ')}${mended.length > 3 ? ` and ${mended.length - 3} more` : ''}).`,
    )
  const lost = salvaged.setAside
  if (lost.length > 0) {
    const named = lost.slice(0, 3).map((entry) => entry.description)
    const more = lost.length > 3 ? ` and ${lost.length - 3} more` : ''
    parts.push(
      `${lost.length} ${lost.length === 1 ? 'entry' : 'entries'} could not be read (${named.join(', ')}${more}).`,
    )
  }
  if (dropped > 0) parts.push(`${dropped} damaged parts could not be read at all.`)
  if (salvaged.replacedFields.length > 0)
    parts.push(
      `Its ${salvaged.replacedFields.join(', ')} came from ${copy ? `the backup from ${copy.takenAt}` : 'the defaults'}.`,
    )
  if (added > 0 && copy)
    parts.push(
      `${added} entries were taken back from the backup from ${copy.takenAt} (some may have been deleted since).`,
    )
  const isComplete = lost.length === 0 && dropped === 0 && salvaged.replacedFields.length === 0
  return {
    text: `Lectern kept everything it could still read.${parts.length > 0 ? ` ${parts.join(' ')}` : ''}`,
    isComplete,
  }
}

/** A damaged file's content at the current schema version (a damaged version number too). */
function asCurrentVersion(raw: Record<string, unknown>): Record<string, unknown> {
  return schemaVersionOf(raw) > currentSchemaVersion
    ? { ...raw, schemaVersion: currentSchemaVersion }
    : migrateToCurrent(raw)
}

/** "2026-11-28 15:46 UTC" from a backup's file name. */
function describeBackupTime(backupPath: string): string {
  const match = /\.(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-\d{2}-\d{3}Z\.bak$/.exec(backupPath)
  return match ? `${match[1]} ${match[2]}:${match[3]} UTC` : basename(backupPath)
}

/** The file's text, or null when there is no file. Other read errors are the disk's: thrown. */
export async function readTextIfPresent(fs: StoreFs, path: string): Promise<string | null> {
  try {
    return await fs.readFile(path, 'utf8')
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return null
    throw error
  }
}

/** "Your library" from "your library". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
