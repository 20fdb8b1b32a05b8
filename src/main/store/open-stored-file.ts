import { join } from 'node:path'
import type { OpenContext, StoredFileSpec } from './open-context'
import { DurableJsonAdapter } from './durable-json-adapter'
import { interpretFile } from './interpret-file'
import {
  capitalise,
  readNewestGoodCopy,
  readTextIfPresent,
  recoverDamagedFile,
} from './recover-file'
import { hasErrorCode } from './store-fs'
import { StoredFile, type ReadOnlyReason } from './stored-file'
import type { RecordJournal } from './record-journal'
import {
  journalFor,
  journalOf,
  openNewerJournal,
  readJournalTexts,
  replayJournal,
  setJournalAside,
  type JournalTexts,
} from './open-journal'

export type { OpenContext, StoredFileSpec } from './open-context'

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
  let journal: RecordJournal | null = null
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
      journal,
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
  if (text === null) {
    if (spec.journal) journal = journalOf(spec, context, path, null, null)
    return openMissing(spec, context, adapter, make, path)
  }
  const journalTexts = spec.journal ? await readJournalTexts(spec, context, path) : null

  const found = interpretFile(
    text,
    spec.schema,
    spec.records ?? [],
    spec.defaults?.() ?? null,
    spec.owner,
  )
  if (found.kind === 'valid') {
    const saves = journalTexts ? journalFor(journalTexts, text) : null
    if (saves?.newerVersion) return openNewerJournal(spec, context, found.data, make)
    // A file of an older version is written whole at its first save, in the current version.
    if (spec.journal)
      journal = journalOf(spec, context, path, found.migratedFrom === null ? text : null, saves)
    if (!saves) {
      // A journal with saves that builds on the copy of the last whole save, not on the file:
      // the file was put back by hand (or an older copy restored). Kept aside and told, never
      // silently overwritten by the next save's journal.
      if (journalTexts && (await buildsOnLatestCopy(spec, context, journalTexts)))
        await setJournalAside(spec, context, path, 'replaced')
      return make(found.data)
    }
    if (saves.entries.length === 0 && saves.lost === 0) return make(found.data)
    const file = make(await replayJournal(spec, context, path, found.data, saves))
    // Saves that came from the journal's copy are put into the file itself.
    if (saves.needsWholeWrite) await file.compact().catch(() => undefined)
    return file
  }
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
  const reason = recovered.isRepairedOnDisk ? null : 'unrepaired'
  if (!journalTexts) return make(recovered.data, reason)
  // The journal builds on the content the file had before the damage: the copy of its last save.
  journal = journalOf(spec, context, path, null, null)
  const data = await replayOnCopy(spec, context, path, recovered.data, journalTexts)
  const file = make(data, reason)
  if (data !== recovered.data) await file.compact().catch(() => undefined)
  return file
}

/** Whether the journal holds saves built on the copy of the file's last whole save. */
async function buildsOnLatestCopy<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
  texts: JournalTexts,
): Promise<boolean> {
  if (texts.main === null || !/\n./.test(texts.main)) return false
  const latest = await readTextIfPresent(
    context.fs,
    context.backups.latestPath(spec.relPath),
  ).catch(() => null)
  const saves = latest === null ? null : journalFor(texts, latest)
  return saves !== null && saves.entries.length + saves.lost > 0
}

/**
 * The data with the journal replayed, when the journal builds on the copy of the file's last
 * whole save (a damaged or missing file was rebuilt from it). A journal that builds on neither is
 * copied aside and reported: it cannot be told apart from a stale one, so it is not replayed, and
 * it is not lost either.
 */
async function replayOnCopy<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
  path: string,
  data: T,
  texts: JournalTexts,
): Promise<T> {
  const latest = await readTextIfPresent(
    context.fs,
    context.backups.latestPath(spec.relPath),
  ).catch(() => null)
  const saves = latest === null ? null : journalFor(texts, latest)
  if (saves && !saves.newerVersion) return replayJournal(spec, context, path, data, saves)
  if (texts.main !== null && /\n./.test(texts.main))
    await setJournalAside(spec, context, path, 'rebuilt')
  return data
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
  path: string,
): Promise<StoredFile<T> | null> {
  const found = await readNewestGoodCopy(spec, context)
  if (!found) return spec.defaults ? make(spec.defaults()) : null
  const texts = spec.journal ? await readJournalTexts(spec, context, path) : null
  const copy = texts
    ? { ...found, data: await replayOnCopy(spec, context, path, found.data, texts) }
    : found
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
