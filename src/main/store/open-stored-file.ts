import { join } from 'node:path'
import type { z } from 'zod'
import type { Notice } from '../../shared/model'
import type { Backups } from './backups'
import { DurableJsonAdapter } from './durable-json-adapter'
import { interpretFile } from './interpret-file'
import {
  capitalise,
  readNewestGoodCopy,
  readTextIfPresent,
  recoverDamagedFile,
} from './recover-file'
import type { RecordCollection } from './salvage'
import { hasErrorCode, type StoreFs } from './store-fs'
import { StoredFile, type ReadOnlyReason } from './stored-file'

/** Which file to open and how to judge it. */
export interface StoredFileSpec<T> {
  /** Path below the data dir, with forward slashes. */
  readonly relPath: string
  /** How the reader knows this file: "your library", "the text of “Title”". */
  readonly label: string
  readonly schema: z.ZodType<T>
  /** Content for a new file; without it a missing or lost file opens as null. */
  readonly defaults?: () => T
  /** The records the file holds: a damaged file is repaired record by record. */
  readonly records?: readonly RecordCollection[]
  /** Fields that say whose file this is: a file naming another owner is damaged, not valid. */
  readonly owner?: Readonly<Record<string, string>>
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
  /** Why the library as a whole is read-only (another Lectern, or a folder that refuses writes). */
  readonly readOnlyCause?: 'in-use' | 'unwritable' | null
}

/**
 * Opens a data file: parse, migrate, validate. A damaged file is repaired record by record from
 * what it still holds and from its copies (recover-file.ts); it is copied aside first and never
 * overwritten with less than it held. A file from a newer Lectern opens read-only. A missing
 * file that Lectern had saved (deleted by hand, lost by the disk) comes back from its copy.
 */
export async function openStoredFile<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
): Promise<StoredFile<T> | null> {
  const path = join(context.dataDir, spec.relPath)
  const adapter = new DurableJsonAdapter<T>(path, context.fs)
  const inUse = context.inUseElsewhere === true
  const make = (data: T, reason: ReadOnlyReason | null = null) =>
    new StoredFile({
      label: spec.label,
      adapter,
      schema: spec.schema,
      records: spec.records ?? [],
      data,
      isReadOnly: reason !== null || inUse,
      readOnlyReason: reason ?? context.readOnlyCause ?? 'in-use',
      backUp: () => context.backups.save(spec.relPath, context.now()),
      saveLatest: (json) => context.backups.saveLatest(spec.relPath, json),
    })

  let text: string | null
  try {
    text = await readTextIfPresent(context.fs, path)
  } catch (error) {
    // A folder where the file should be: nothing to read, nothing to move; its copy is shown.
    if (!hasErrorCode(error, 'EISDIR')) throw error
    const shown = await recoverDamagedFile(
      spec,
      context,
      '',
      'a folder stands where the file should be',
    )
    return shown ? make(shown.data, 'unrepaired') : null
  }
  if (text === null) return openMissing(spec, context, adapter, make)

  const found = interpretFile(
    text,
    spec.schema,
    spec.records ?? [],
    spec.defaults?.() ?? null,
    spec.owner,
  )
  if (found.kind === 'valid') return make(found.data)
  if (found.kind === 'newer') {
    const hidden = found.setAside > 0 ? ` ${found.setAside} entries it holds are not shown.` : ''
    context.report({
      id: `newer:${spec.relPath}`,
      level: 'warning',
      title: 'Opened read-only',
      message: `${capitalise(spec.label)} was saved by a newer version of Lectern (data version ${found.version}). You can read it, but changes will not be saved until you update Lectern.${hidden}`,
    })
    const data = found.data ?? spec.defaults?.()
    return data === undefined ? null : make(data, 'newer')
  }
  const recovered = await recoverDamagedFile(spec, context, text, found.reason)
  if (!recovered) return null
  if (recovered.isNewer) return make(recovered.data, 'newer')
  return make(recovered.data, recovered.isRepairedOnDisk ? null : 'unrepaired')
}

/**
 * A file that is not there: new (defaults), or one Lectern saved and that has gone since (its
 * copy says so), which is brought back rather than started afresh.
 */
async function openMissing<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
  adapter: DurableJsonAdapter<T>,
  make: (data: T, reason?: ReadOnlyReason | null) => StoredFile<T>,
): Promise<StoredFile<T> | null> {
  const copy = await readNewestGoodCopy(spec, context)
  if (!copy) return spec.defaults ? make(spec.defaults()) : null
  const from = copy.isLatest ? 'the copy of its last save' : `the backup from ${copy.takenAt}`
  if (context.inUseElsewhere === true) return make(copy.data)
  try {
    await adapter.write(copy.data)
  } catch {
    context.report({
      id: `missing:${spec.relPath}`,
      level: 'error',
      title: 'A data file is missing',
      message: `${capitalise(spec.label)} was missing from the data folder. Lectern shows ${from}, but could not put it back on disk; it is open read-only until there is room.`,
    })
    return make(copy.data, 'unrepaired')
  }
  context.report({
    id: `missing:${spec.relPath}`,
    level: 'warning',
    title: 'A missing data file was brought back',
    message: `${capitalise(spec.label)} was missing from the data folder. Lectern put back ${from}.`,
  })
  return make(copy.data)
}
