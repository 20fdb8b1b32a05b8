import { basename, join } from 'node:path'
import type { z } from 'zod'
import type { Notice } from '../../shared/model'
import { fileStamp, type Backups } from './backups'
import { DurableJsonAdapter } from './durable-json-adapter'
import { interpretFile } from './interpret-file'
import { hasErrorCode, type StoreFs } from './store-fs'
import { StoredFile } from './stored-file'

/** Which file to open and how to judge it. */
export interface StoredFileSpec<T> {
  /** Path below the data dir, with forward slashes. */
  readonly relPath: string
  /** How the reader knows this file: "your library", "the text of “Title”". */
  readonly label: string
  readonly schema: z.ZodType<T>
  /** Content for a new file; without it a missing or lost file opens as null. */
  readonly defaults?: () => T
}

/** What opening files needs from the store. */
export interface OpenContext {
  readonly dataDir: string
  readonly fs: StoreFs
  readonly backups: Backups
  readonly now: () => string
  readonly report: (notice: Notice) => void
  /** Set when another Lectern holds the library: files open read-only and nothing is repaired. */
  readonly inUseElsewhere?: boolean
}

/**
 * Opens a data file: parse, migrate, validate. A damaged file is moved aside (never
 * overwritten), the newest good backup takes its place, and the reader is told. A file from a
 * newer Lectern opens read-only.
 */
export async function openStoredFile<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
): Promise<StoredFile<T> | null> {
  const path = join(context.dataDir, spec.relPath)
  const adapter = new DurableJsonAdapter<T>(path, context.fs)
  const inUse = context.inUseElsewhere === true
  const make = (data: T, isNewer = false) =>
    new StoredFile({
      label: spec.label,
      adapter,
      data,
      isReadOnly: isNewer || inUse,
      readOnlyReason: isNewer ? 'newer' : 'in-use',
      backUp: () => context.backups.save(spec.relPath, context.now()),
    })

  const text = await readTextIfPresent(context.fs, path)
  if (text === null) return spec.defaults ? make(spec.defaults()) : null

  const found = interpretFile(text, spec.schema)
  if (found.kind === 'valid') return make(found.data)
  if (found.kind === 'newer') {
    context.report({
      id: `newer:${spec.relPath}`,
      level: 'warning',
      title: 'Opened read-only',
      message: `${capitalise(spec.label)} was saved by a newer version of Lectern (data version ${found.version}). You can read it, but changes will not be saved until you update Lectern.`,
    })
    const data = found.data ?? spec.defaults?.()
    return data === undefined ? null : make(data, true)
  }

  if (inUse) {
    // The Lectern that holds the library repairs it; this one must not move its files.
    context.report({
      id: `unreadable:${spec.relPath}`,
      level: 'error',
      title: 'A data file could not be read',
      message: `${capitalise(spec.label)} could not be read because ${found.reason}. The Lectern that has this library open will repair it.`,
    })
    return spec.defaults ? make(spec.defaults()) : null
  }
  const asidePath = `${path}.corrupt-${fileStamp(context.now())}`
  await context.fs.rename(path, asidePath)
  const restored = await restoreNewestGoodBackup(spec, context)
  const kept = `The damaged file was kept as ${basename(asidePath)}.`
  if (restored) {
    await adapter.write(restored.data)
    context.report({
      id: `recovered:${spec.relPath}`,
      level: 'warning',
      title: 'Recovered from a backup',
      message: `${capitalise(spec.label)} could not be read because ${found.reason}. Lectern restored the backup from ${restored.takenAt}; changes made after that are missing. ${kept}`,
    })
    return make(restored.data)
  }
  context.report({
    id: `lost:${spec.relPath}`,
    level: 'error',
    title: 'A data file could not be recovered',
    message:
      `${capitalise(spec.label)} could not be read because ${found.reason}, and there was no usable backup. ${spec.defaults ? 'Lectern started it afresh.' : ''} ${kept}`.replace(
        /\s+/g,
        ' ',
      ),
  })
  return spec.defaults ? make(spec.defaults()) : null
}

async function restoreNewestGoodBackup<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
): Promise<{ data: T; takenAt: string } | null> {
  for (const backupPath of await context.backups.list(spec.relPath)) {
    const text = await readTextIfPresent(context.fs, backupPath)
    if (text === null) continue
    const found = interpretFile(text, spec.schema)
    if (found.kind === 'valid') return { data: found.data, takenAt: describeBackupTime(backupPath) }
  }
  return null
}

/** "2026-11-28 15:46 UTC" from a backup's file name. */
function describeBackupTime(backupPath: string): string {
  const match = /\.(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-\d{2}-\d{3}Z\.bak$/.exec(backupPath)
  return match ? `${match[1]} ${match[2]}:${match[3]} UTC` : basename(backupPath)
}

async function readTextIfPresent(fs: StoreFs, path: string): Promise<string | null> {
  try {
    return await fs.readFile(path, 'utf8')
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return null
    throw error
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
