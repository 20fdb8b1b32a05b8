import { hostname } from 'node:os'
import { join } from 'node:path'
import type { Notice } from '../../shared/model'
import { readOnlyFs } from './read-only-fs'
import { hasErrorCode, type StoreFs } from './store-fs'
import { ReadOnlyStoreError } from './stored-file'

/** The file that says which process writes to a data dir. */
export const lockFileName = 'lectern.lock'

/** Who holds a library's lock. */
export interface LockHolder {
  readonly pid: number
  readonly host: string
  readonly since: string
}

/** The outcome of asking for a library's lock. */
export type LockOutcome =
  | { readonly kind: 'held'; readonly release: () => Promise<void> }
  | { readonly kind: 'in-use'; readonly holder: LockHolder }

/**
 * Takes the data dir's lock, so that one process writes to a library at a time: the app or a
 * command, never both. The lock is a file created exclusively with the holder's pid; a lock left
 * by a process that is no longer running (a crash) is taken over. The same process may open its
 * library twice (tests do); only the opener that made the lock removes it.
 */
export async function acquireLibraryLock(fs: StoreFs, dataDir: string): Promise<LockOutcome> {
  const path = join(dataDir, lockFileName)
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(path, 'wx', 0o600)
      try {
        await handle.writeFile(JSON.stringify(me))
      } finally {
        await handle.close()
      }
      return { kind: 'held', release: () => fs.unlink(path).catch(() => undefined) }
    } catch (error) {
      if (!hasErrorCode(error, 'EEXIST')) throw error
    }
    const holder = await readHolder(fs, path)
    if (holder && holder.host === me.host && holder.pid === me.pid)
      return { kind: 'held', release: async () => undefined }
    if (holder && isRunning(holder, me.host)) return { kind: 'in-use', holder }
    // Left by a process that is gone (or unreadable, cut off by a crash): take it over.
    await fs.unlink(path).catch(() => undefined)
  }
  throw new Error(`Lectern could not take the lock of its library at ${path}.`)
}

async function readHolder(fs: StoreFs, path: string): Promise<LockHolder | null> {
  try {
    const value = JSON.parse(await fs.readFile(path, 'utf8')) as Partial<LockHolder>
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null
    return { pid: value.pid, host: value.host, since: String(value.since ?? '') }
  } catch {
    return null
  }
}

/** Whether the holder still runs. A holder on another machine is taken to run: it cannot be asked. */
function isRunning(holder: LockHolder, host: string): boolean {
  if (holder.host !== host) return true
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return hasErrorCode(error, 'EPERM')
  }
}

/** A library as opened: the file system to use, and whether another Lectern holds it. */
export interface ClaimedLibrary {
  /** The real file system, or one that refuses every write when the library is in use. */
  readonly fs: StoreFs
  readonly inUseElsewhere: boolean
  /** What the reader is told when another Lectern holds the library. */
  readonly notice: Notice | null
  /** Lets go of the lock (nothing to do when it was not ours). */
  readonly release: () => Promise<void>
}

/** Takes the library's lock, or, when another Lectern holds it, a read-only view of it. */
export async function claimLibrary(fs: StoreFs, dataDir: string): Promise<ClaimedLibrary> {
  const lock = await acquireLibraryLock(fs, dataDir)
  if (lock.kind === 'held')
    return { fs, inUseElsewhere: false, notice: null, release: lock.release }
  const { pid, since } = lock.holder
  return {
    fs: readOnlyFs(fs, () => new ReadOnlyStoreError('Your library', 'in-use')),
    inUseElsewhere: true,
    notice: {
      id: 'library-in-use',
      level: 'warning',
      title: 'Opened read-only',
      message: `Another Lectern (process ${pid}, since ${since.slice(0, 16).replace('T', ' ')}) has this library open. You can read here, but nothing you change is saved. Close the other one and start Lectern again to make changes.`,
    },
    release: async () => undefined,
  }
}
