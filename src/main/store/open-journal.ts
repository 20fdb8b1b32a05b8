import type { OpenContext, StoredFileSpec } from './open-context'
import type { ReadOnlyReason, StoredFile } from './stored-file'
import { fileStamp } from './backups'
import {
  applyJournal,
  baseHashOf,
  journalPathOf,
  readJournal,
  RecordJournal,
  type JournalEntry,
  type ReadJournal,
} from './record-journal'
import { capitalise, readTextIfPresent } from './recover-file'

/** Larger than any journal Lectern writes (500 saves of the largest records) by a wide margin. */
const maxJournalBytes = 256 * 1024 * 1024

/** A file's journal and its copy as found on opening, for one base content of the file. */
export interface FoundJournal {
  /** The saves to replay, by sequence, from the journal or (where it is damaged) its copy. */
  readonly entries: readonly JournalEntry[]
  /** Saves that neither the journal nor its copy could give back. */
  readonly lost: number
  /** A newer Lectern's journal: the file opens read-only. */
  readonly newerVersion: number | null
  /** Replayed saves came from the copy, or some were lost: the file should be written whole. */
  readonly needsWholeWrite: boolean
  /** The journal's own text, when it is whole and appended to from here on. */
  readonly mainText?: string
}

export interface JournalTexts {
  readonly main: string | null
  readonly copy: string | null
}

/** Reads a file's journal and its copy (never throws: an unreadable journal is a lost journal). */
export async function readJournalTexts(
  spec: StoredFileSpec<unknown>,
  context: OpenContext,
  path: string,
): Promise<JournalTexts> {
  // Only a regular file of a sane size is read: a FIFO or a device in a journal's place would
  // hang the opening or exhaust memory; it is treated as no journal.
  const read = async (at: string) => {
    const found = await context.fs.stat(at).catch(() => null)
    if (!found?.isFile() || found.size > maxJournalBytes) return null
    return readTextIfPresent(context.fs, at).catch(() => null)
  }
  return {
    main: await read(journalPathOf(path)),
    copy: await read(context.backups.journalCopyPath(spec.relPath)),
  }
}

/**
 * The saves a journal holds for the file content `baseText`, or null when neither the journal
 * nor its copy builds on it (none, or a later whole write made them stale).
 */
export function journalFor(texts: JournalTexts, baseText: string): FoundJournal | null {
  if (texts.main === null && texts.copy === null) return null
  const hash = baseHashOf(baseText)
  const main = texts.main === null ? null : readJournal(texts.main, hash)
  const copy = texts.copy === null ? null : readJournal(texts.copy, hash)
  const newer = main?.newerVersion ?? copy?.newerVersion ?? null
  if (newer !== null) return { entries: [], lost: 0, newerVersion: newer, needsWholeWrite: false }
  const usable = [main, copy].filter((j): j is ReadJournal => j !== null && !j.isStale)
  if (usable.length === 0) return null
  // Save k is line k of either: the copy stands in for a damaged or missing line of the journal.
  const bySeq = new Map<number, JournalEntry>()
  for (const journal of usable)
    for (const entry of journal.entries) if (!bySeq.has(entry.seq)) bySeq.set(entry.seq, entry)
  const saves = Math.max(...usable.map((journal) => journal.saves))
  const isMainWhole =
    main !== null &&
    !main.isStale &&
    main.damaged === 0 &&
    main.entries.length === saves &&
    main.endsWhole
  return {
    entries: [...bySeq.values()].sort((a, b) => a.seq - b.seq),
    lost: saves - bySeq.size,
    newerVersion: null,
    needsWholeWrite: !isMainWhole,
    ...(isMainWhole && texts.main !== null ? { mainText: texts.main } : {}),
  }
}

/** The journal a file appends to, continuing the one on disk when that one is sound. */
export function journalOf(
  spec: StoredFileSpec<unknown>,
  context: OpenContext,
  path: string,
  baseText: string | null,
  found: FoundJournal | null,
): RecordJournal {
  const continues =
    found && baseText !== null && !found.needsWholeWrite && found.entries.length > 0
      ? { text: found.mainText ?? '', saves: found.entries.length }
      : null
  return new RecordJournal({
    path: journalPathOf(path),
    mirrorPath: context.backups.journalCopyPath(spec.relPath),
    fs: context.fs,
    // Without a known base (a file rebuilt on opening), the next save writes the file whole.
    baseHash: baseText === null ? '' : baseHashOf(baseText),
    continues,
    mustWriteWholeFirst: found !== null && found.needsWholeWrite,
  })
}

/**
 * The file's data with its journal replayed; saves that could not be read or applied are
 * reported (once, also to a later `check`) and the journal is copied aside, never deleted.
 */
export async function replayJournal<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
  path: string,
  data: T,
  found: FoundJournal,
): Promise<T> {
  const applied = applyJournal(data, found.entries, spec.records ?? [])
  const missing = found.lost + applied.refused
  if (missing > 0) {
    // The journal, and its copy in backups/ (the next save rewrites both), are copied aside.
    const stamp = fileStamp(context.now())
    const made: string[] = []
    if (context.inUseElsewhere !== true)
      for (const from of [journalPathOf(path), context.backups.journalCopyPath(spec.relPath)]) {
        const aside = `${from}.corrupt-${stamp}`
        if (
          await context.fs.copyFile(from, aside).then(
            () => true,
            () => false,
          )
        )
          made.push(aside.split('/').pop()!)
      }
    const kept =
      made.length > 0
        ? `the journal was copied aside as ${made.join(' and ')}`
        : 'the journal was left as it is'
    const message = `${capitalise(spec.label)}: ${missing === 1 ? 'one recent change' : `${missing} recent changes`} could not be read back from the journal of small saves and ${missing === 1 ? 'is' : 'are'} not shown. Everything else was kept; ${kept}.`
    context.report({
      id: `journal:${spec.relPath}`,
      level: 'error',
      title: 'Some recent changes could not be read',
      message,
    })
    await context.backups.recordLoss(message, context.now()).catch(() => undefined)
  }
  return applied.data
}

/** A journal written by a newer Lectern: the file is shown without it, read-only. */
export function openNewerJournal<T>(
  spec: StoredFileSpec<T>,
  context: OpenContext,
  data: T,
  make: (data: T, reason?: ReadOnlyReason | null) => StoredFile<T>,
): StoredFile<T> {
  context.report({
    id: `newer:${spec.relPath}`,
    level: 'warning',
    title: 'Opened read-only',
    message: `${capitalise(spec.label)} has recent changes saved by a newer version of Lectern. You can read it without them, but changes will not be saved until you update Lectern.`,
  })
  return make(data, 'newer')
}

/**
 * A journal of saves that does not build on the file as it is now: it is not replayed over it
 * (that could bring back older versions of records); it is copied aside and reported.
 */
export async function setJournalAside(
  spec: StoredFileSpec<unknown>,
  context: OpenContext,
  path: string,
  why: 'rebuilt' | 'replaced',
): Promise<void> {
  const aside = `${journalPathOf(path)}.unmatched-${fileStamp(context.now())}`
  const isMoved =
    context.inUseElsewhere !== true &&
    (await context.fs.rename(journalPathOf(path), aside).then(
      () => true,
      () => false,
    ))
  const kept = isMoved
    ? `kept the journal as ${aside.split('/').pop()}`
    : 'left the journal as it is'
  context.report({
    id: `journal-unmatched:${spec.relPath}`,
    level: 'warning',
    title: 'Recent changes set aside',
    message: `${capitalise(spec.label)} ${why === 'rebuilt' ? 'was rebuilt, and its journal of recent small saves does not belong to what it was rebuilt from' : 'is not the file Lectern last wrote (was an older copy put back?), and its journal of recent small saves belongs to the file it replaced'}. Lectern ${kept} and did not apply it; the most recent changes in it are not shown.`,
  })
}
