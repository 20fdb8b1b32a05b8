import { basename, dirname, join } from 'node:path'
import { fileStamp } from './backups'
import { diskCause } from './disk-errors'
import { DurableJsonAdapter } from './durable-json-adapter'
import { interpretFile } from './interpret-file'
import { parseLeniently } from './lenient-json'
import { migrateToCurrent, schemaVersionOf } from './migrations'
import type { OpenContext, StoredFileSpec } from './open-context'
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
  /** A newer Lectern's damaged file: read-only, never repaired by this one. */
  readonly isNewer?: boolean
}

/** The newest copy of a file that passes its schema: its last save's copy first, then backups. */
export async function readNewestGoodCopy<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
): Promise<GoodCopy<T> | null> {
  const latestPath = context.backups.latestPath(spec.relPath)
  const latest = await readTextIfPresent(context.fs, latestPath).catch(() => null)
  if (latest !== null) {
    const found = interpretFile(latest, spec.schema, [], null, spec.owner)
    if (found.kind === 'valid') return { data: found.data, isLatest: true, takenAt: 'last save' }
  }
  for (const backupPath of await context.backups.list(spec.relPath).catch(() => [])) {
    const text = await readTextIfPresent(context.fs, backupPath).catch(() => null)
    if (text === null) continue
    const found = interpretFile(text, spec.schema, [], null, spec.owner)
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
  const defaults = spec.defaults?.() ?? null
  const fallback = copy?.data ?? defaults
  const main = salvageText(text, spec, fallback)
  const salvaged = main?.salvaged ?? null
  if (main && main.version > currentSchemaVersion) {
    // A newer Lectern's file, damaged: shown as far as it can be read, never rewritten here.
    context.report({
      id: `newer:${spec.relPath}`,
      level: 'warning',
      title: 'Opened read-only',
      message: `${capitalise(spec.label)} was saved by a newer version of Lectern (data version ${main.version}) and is damaged (${reason}). Lectern shows what it can read and changes nothing; open it with the newer Lectern to repair it.`,
    })
    const shown = salvaged?.data ?? defaults
    return shown === null ? null : { data: shown, isRepairedOnDisk: false, isNewer: true }
  }
  // The copy of the last save may be damaged too (in other records): it is salvaged the same way.
  const latestPath = context.backups.latestPath(spec.relPath)
  const latestText = copy?.isLatest
    ? null
    : await readTextIfPresent(context.fs, latestPath).catch(() => null)
  const latest = latestText === null ? null : salvageText(latestText, spec, fallback)
  const isLatestWhole =
    !!latest?.salvaged && latest.dropped === 0 && latest.salvaged.setAside.length === 0
  const merge = (base: T, extra: T) => {
    const merged = addMissingRecords(base, extra, records)
    const checked = spec.schema.safeParse(merged.data)
    return checked.success ? { data: checked.data, added: merged.added } : { data: base, added: 0 }
  }
  let data: T | null = latest?.salvaged?.data ?? salvaged?.data ?? copy?.data ?? null
  let added = 0
  if (salvaged && copy?.isLatest) {
    // The copy of the last save is exact; a damaged file's records may be subtly wrong.
    data = merge(copy.data, salvaged.data).data
  } else if (data !== null) {
    // Each damaged copy supplies what the other lost; an older backup only what both lost.
    if (latest?.salvaged && salvaged) data = merge(data, salvaged.data).data
    if (copy && !isLatestWhole) ({ data, added } = merge(data, copy.data))
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
  const outcome = isLatestWhole
    ? {
        text: 'Lectern repaired it from the copy of your last save (damaged too, and repaired); nothing is missing.',
        isComplete: true,
      }
    : describeOutcome({ copy, salvaged, dropped: main?.dropped ?? 0, added })
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
  // A damaged copy of the last save is kept too, before the repaired content replaces it.
  if (latest)
    await context.fs
      .copyFile(latestPath, `${latestPath}.corrupt-${fileStamp(context.now())}`)
      .catch(() => undefined)
  await context.backups.saveLatest(spec.relPath, JSON.stringify(repaired))
  const message = `${what} ${outcome.text} The damaged file was kept as ${asideName}.`
  if (!outcome.isComplete)
    await context.backups.recordLoss(message, context.now()).catch(() => undefined)
  context.report({
    id: `recovered:${spec.relPath}`,
    level: outcome.isComplete ? 'warning' : 'error',
    title: outcome.isComplete ? 'Repaired a damaged file' : 'Recovered part of a damaged file',
    message: `${what} ${outcome.text} The damaged file was kept as ${asideName}.`,
  })
  return { data: repaired, isRepairedOnDisk: true }
}

/** A damaged file's text, read leniently and kept record by record. */
function salvageText<T>(
  text: string,
  spec: StoredFileSpec<T>,
  fallback: T | null,
): { salvaged: Salvaged<T> | null; dropped: number; version: number } | null {
  const lenient = parseLeniently(text)
  if (!lenient || !isPlainObject(lenient.value)) return null
  const raw = asCurrentVersion(lenient.value)
  return {
    salvaged: salvageRecords(raw, spec.schema, spec.records ?? [], fallback, spec.owner),
    dropped: lenient.dropped,
    version: schemaVersionOf(lenient.value),
  }
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
  if (dropped > 0)
    parts.push(`${dropped} damaged ${dropped === 1 ? 'part' : 'parts'} could not be read at all.`)
  if (salvaged.replacedFields.length > 0)
    parts.push(
      `Its ${salvaged.replacedFields.join(', ')} came from ${copy ? `the backup from ${copy.takenAt}` : 'the defaults'}.`,
    )
  if (added > 0 && copy)
    parts.push(
      `${added} ${added === 1 ? 'entry was' : 'entries were'} taken back from the backup from ${copy.takenAt} (some may have been deleted since).`,
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
