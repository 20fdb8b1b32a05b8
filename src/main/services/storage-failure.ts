import { fail, type Result } from '../../shared/ipc/result'
import { diskCause } from '../store/disk-errors'
import { ReadOnlyStoreError, UnsavableValueError } from '../store/stored-file'

export { diskCause }

/** Turns an error thrown by a save into a failure the reader can act on. Nothing was saved. */
export function storageFailure(
  error: unknown,
  what: string,
): Result<never, 'storage-failed' | 'read-only'> {
  if (error instanceof ReadOnlyStoreError) return fail('read-only', error.message)
  if (error instanceof UnsavableValueError)
    return fail(
      'storage-failed',
      `Lectern did not save ${what}: ${error.message} Nothing was changed.`,
    )
  const cause = diskCause(error) ?? 'of an unexpected error'
  return fail(
    'storage-failed',
    `Lectern could not save ${what} because ${cause}. Nothing was changed.`,
  )
}
