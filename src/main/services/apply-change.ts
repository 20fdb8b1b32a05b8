import { fail, ok, type Result } from '../../shared/ipc/result'
import type { StoredFile } from '../store/stored-file'
import { storageFailure } from './storage-failure'

/** Aborts a change whose target is gone, so nothing is written. */
class TargetGone extends Error {}

/**
 * Applies a change to a stored file. `change` returns what it changed, or null when its target is
 * gone: then nothing is written and the reader is told `goneMessage`. A failed save is reported
 * in plain words; the file keeps what was on disk.
 */
export async function applyChange<F, T>(
  file: StoredFile<F>,
  change: (draft: F) => T | null,
  what: string,
  goneMessage: string,
): Promise<Result<T, 'not-found' | 'storage-failed' | 'read-only'>> {
  let outcome: T | null = null
  try {
    await file.update((draft) => {
      outcome = change(draft)
      if (outcome === null) throw new TargetGone()
    })
  } catch (error) {
    if (error instanceof TargetGone) return fail('not-found', goneMessage)
    return storageFailure(error, what)
  }
  return ok(outcome as T)
}
