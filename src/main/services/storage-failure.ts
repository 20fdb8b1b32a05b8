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
