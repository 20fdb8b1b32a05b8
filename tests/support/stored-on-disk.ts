import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  annotationsKind,
  cardsKind,
  libraryKind,
  reviewsKind,
} from '../../src/main/store/file-kinds'
import {
  applyJournal,
  baseHashOf,
  journalPathOf,
  readJournal,
} from '../../src/main/store/record-journal'

const journaled = [
  { pattern: /(^|\/)annotations\.json$/, kind: annotationsKind },
  { pattern: /(^|\/)cards\.json$/, kind: cardsKind },
  { pattern: /^library\.json$/, kind: libraryKind },
  { pattern: /^reviews\/[^/]+\.json$/, kind: reviewsKind },
] as const

/**
 * A data file as the next start reads it: its JSON with its journal of small saves replayed
 * (record-journal.ts). Tests that look at the disk read it this way, since a save of one record
 * goes to the journal, not into the file.
 */
export async function storedOnDisk<T>(dataDir: string, relPath: string): Promise<T> {
  const path = join(dataDir, relPath)
  const text = await readFile(path, 'utf8')
  const data: unknown = JSON.parse(text)
  const kind = journaled.find((entry) => entry.pattern.test(relPath))?.kind
  if (!kind) return data as T
  const journal = await readFile(journalPathOf(path), 'utf8').catch(() => null)
  if (journal === null) return data as T
  const read = readJournal(journal, baseHashOf(text))
  return (read.isStale ? data : applyJournal(data, read.entries, kind.records).data) as T
}
