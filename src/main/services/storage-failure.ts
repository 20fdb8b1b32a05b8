import { fail, type Result } from '../../shared/ipc/result'
import { ReadOnlyStoreError } from '../store/stored-file'

/** Plain words for the file-system errors a save can meet. */
const causes: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'Lectern is not allowed to write to its data folder',
  EPERM: 'Lectern is not allowed to write to its data folder',
  EROFS: 'the data folder is on a read-only disk',
  EIO: 'the disk reported an error',
  EMFILE: 'too many files are open',
}

/**
 * The disk's reason for an error, in plain words, or null when the error is not the disk's (a
 * bug). Used for reads too: a file that could not be read is reported, never replaced.
 */
export function diskCause(error: unknown): string | null {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
  return (code && causes[code]) ?? null
}

/** Turns an error thrown by a save into a failure the reader can act on. Nothing was saved. */
export function storageFailure(
  error: unknown,
  what: string,
): Result<never, 'storage-failed' | 'read-only'> {
  if (error instanceof ReadOnlyStoreError) return fail('read-only', error.message)
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
  const cause = (code && causes[code]) ?? 'of an unexpected error'
  return fail(
    'storage-failed',
    `Lectern could not save ${what} because ${cause}. Nothing was changed.`,
  )
}
