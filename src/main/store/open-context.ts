import type { z } from 'zod'
import type { Notice } from '../../shared/model'
import type { Backups } from './backups'
import type { RecordCollection } from './salvage'
import type { StoreFs } from './store-fs'

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
  /** Small saves go to a journal beside the file, replayed when it is opened. */
  readonly journal?: boolean
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
