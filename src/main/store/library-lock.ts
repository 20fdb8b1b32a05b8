import { ReaderFacingError } from './reader-facing-error'
import { randomBytes } from 'node:crypto'
import { constants as fsConstants } from 'node:fs'
import { join } from 'node:path'
import type { Notice } from '../../shared/model'
import { tempFileSuffix } from './durable-json-adapter'
import { isStillRunning, thisProcess, type ProcessIdentity } from './process-identity'
import { readOnlyFs } from './read-only-fs'
import { hasErrorCode, type StoreFs } from './store-fs'
import { ReadOnlyStoreError } from './stored-file'

/** The file that says which process writes to a data dir. */
export const lockFileName = 'lectern.lock'

/** Marks one process's attempt to take over a stale lock; see `takeOver`. Never backed up. */
const takeoverFilePattern = /^lectern\.takeover-\d+-[0-9a-f]+\.lock$/

/** Who holds a library's lock: a process, told apart from a later one with the same pid. */
export interface LockHolder extends Partial<ProcessIdentity> {
  readonly pid: number
  readonly host: string
  readonly since: string
}

/** The outcome of asking for a library's lock. */
export type LockOutcome =
  | { readonly kind: 'held'; readonly release: () => Promise<void> }
  | { readonly kind: 'in-use'; readonly holder: LockHolder }
  /** The folder refuses writes (read-only disk, no permission, full disk): the system's code. */
  | { readonly kind: 'unwritable'; readonly code: UnwritableCode }

/** Why a lock file could not be made, when the cause is the folder or disk and not a bug. */
const unwritableCodes = ['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT'] as const
type UnwritableCode = (typeof unwritableCodes)[number]

/**
 * How often a claim is tried before giving up. A round is lost only when another process took
 * the lock or the two took turns backing off, so a handful is plenty; 60 rounds of at most
 * 40 ms bound the wait at about two seconds.
 */
const maxAttempts = 60

/**
 * Takes the data dir's lock, so that one process writes to a library at a time: the app or a
 * command, never both. The same process may open its library twice (tests do); only the opener
 * that made the lock removes it.
 *
 * Why this cannot give the lock to two processes:
 * - A claim appears whole or not at all. The holder's record is written to a uniquely named
 *   temp file, fsynced, and hard-linked to `lectern.lock`; `link` fails with EEXIST when the
 *   lock exists, so of any number of claimers exactly one creates it, and nobody ever reads a
 *   lock that is empty because its writer has not written yet (an empty lock is a dead one).
 * - The holder is named by pid, start time and boot (see `isStillRunning`), so a dead holder
 *   whose pid now belongs to another program is seen as dead, and a live one is never taken over.
 * - A dead holder's lock is taken over by replacing it (rename), never by removing it, so
 *   `lectern.lock` exists throughout and no fresh claim can slip in beside the take-over. Who may
 *   replace it is decided by `takeOver`: at most one process at a time, and only while the lock
 *   is still the very file that was judged dead.
 */
export async function acquireLibraryLock(fs: StoreFs, dataDir: string): Promise<LockOutcome> {
  const path = join(dataDir, lockFileName)
  const record = JSON.stringify({ ...thisProcess(), since: new Date().toISOString() })
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    let step: Step
    try {
      step = await tryToClaim(fs, dataDir, record)
    } catch (error) {
      const code = unwritableCodes.find((candidate) => hasErrorCode(error, candidate))
      if (code) return { kind: 'unwritable', code }
      throw error
    }
    if (step.kind === 'again') await pause(step.backOff ? attempt : -1)
    else return step
  }
  throw new ReaderFacingError(
    `Lectern could not take the lock of its library at ${path}: other Lectern processes kept taking it at the same moment. Try again.`,
  )
}

type Step = LockOutcome | { readonly kind: 'again'; readonly backOff: boolean }

async function tryToClaim(fs: StoreFs, dataDir: string, record: string): Promise<Step> {
  const path = join(dataDir, lockFileName)
  const me = thisProcess()
  const release = () => releaseIfOurs(fs, path, me.token)
  // A take-over file outlives its process only if the process died taking over; the new holder
  // clears those away (the rest are in use, and their owners remove them).
  const held = async (): Promise<Step> => {
    await anotherLiveTakeover(fs, dataDir).catch(() => false)
    return { kind: 'held', release }
  }
  if (await createWhole(fs, path, record)) return held()
  const found = await readLock(fs, path).catch((error: unknown) => {
    // No permission is the folder's problem (read-only, below); anything else is this file's.
    if (unwritableCodes.some((code) => hasErrorCode(error, code))) throw error
    throw new ReaderFacingError(unreadableLockMessage(path, error))
  })
  if (!found) return { kind: 'again', backOff: false } // released in between: claim afresh
  const holder = parseHolder(found.text)
  if (holder?.token === me.token) return { kind: 'held', release: async () => undefined }
  if (holder && isStillRunning(holder)) return { kind: 'in-use', holder }
  const outcome = await takeOver(fs, dataDir, found, record)
  if (outcome === 'won') return held()
  return { kind: 'again', backOff: outcome === 'busy' }
}

/** The lock's text and its inode: together they name one lock file, never confused with a later. */
interface LockFile {
  readonly text: string
  readonly ino: number
}

/**
 * Replaces the dead lock `stale` with `record`, so that of any number of processes doing this at
 * once at most one succeeds, and none replaces a lock other than `stale`.
 *
 * Each process first makes a take-over file of its own (a unique name, created whole by rename)
 * and only then lists the folder. A process that sees another live take-over file backs off
 * (removes its own, waits a random moment, starts again); one that sees none may replace the
 * lock. Two processes cannot both see none: whichever listed second listed after the other's
 * file existed, and that file stays until its owner has finished replacing the lock. The one
 * that may replace then checks that `lectern.lock` is still `stale` (same text, which holds a
 * random token, and same inode): if another process replaced it first, it finished before this
 * one listed, so the check sees the new lock and this one starts again. Between the check and
 * the rename nothing else can change the lock: fresh claims fail while it exists, its holder is
 * dead, and other take-overs are held back by this one's file.
 *
 * A take-over file left by a process that died is dead by the same rule as a lock (pid, start
 * time, boot); it is removed by whoever sees it, which is safe because its owner never acts again.
 */
async function takeOver(
  fs: StoreFs,
  dataDir: string,
  stale: LockFile,
  record: string,
): Promise<'won' | 'lost' | 'busy'> {
  const me = thisProcess()
  const ownName = `lectern.takeover-${me.pid}-${randomBytes(6).toString('hex')}.lock`
  const own = join(dataDir, ownName)
  // Not made only when the lock's live holder swept its temp file: nothing to take over then.
  if (!(await replaceWhole(fs, own, record))) return 'busy'
  try {
    if (await anotherLiveTakeover(fs, dataDir, ownName)) return 'busy'
    const path = join(dataDir, lockFileName)
    const now = await readLock(fs, path)
    if (!now || now.text !== stale.text || now.ino !== stale.ino) return 'lost'
    return (await replaceWhole(fs, path, record)) ? 'won' : 'lost'
  } finally {
    await fs.unlink(own).catch(() => undefined)
  }
}

/**
 * Whether a take-over file other than `ownName` belongs to a running process. Those of processes
 * that died are removed on the way.
 */
async function anotherLiveTakeover(fs: StoreFs, dataDir: string, ownName = ''): Promise<boolean> {
  let live = false
  for (const name of await fs.readdir(dataDir)) {
    if (name === ownName || !takeoverFilePattern.test(name)) continue
    const path = join(dataDir, name)
    const found = await readLock(fs, path)
    if (!found) continue // finished meanwhile
    const holder = parseHolder(found.text)
    if (holder && isStillRunning(holder)) live = true
    else await fs.unlink(path).catch(() => undefined)
  }
  return live
}

/**
 * Creates `path` holding `text` unless it exists: true when this call created it. The file
 * appears with its whole content (a fsynced temp file, hard-linked into place).
 */
async function createWhole(fs: StoreFs, path: string, text: string): Promise<boolean> {
  const temp = await writeTemp(fs, path, text)
  try {
    await fs.link(temp, path)
    return true
  } catch (error) {
    if (hasErrorCode(error, 'EEXIST')) return false
    // The temp file was swept by the lock's holder, which runs: the lock exists.
    if (hasErrorCode(error, 'ENOENT')) return false
    if (linkUnsupported(error)) return createInPlace(fs, path, text)
    throw error
  } finally {
    await fs.unlink(temp).catch(() => undefined)
  }
}

/** Errors of a file system without hard links (FAT, exFAT, some network shares). */
function linkUnsupported(error: unknown): boolean {
  return ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].some((code) => hasErrorCode(error, code))
}

/**
 * Where there are no hard links, the next best: an exclusive create, then the content. A reader
 * may meet the file empty for a moment, which `readLock` allows for by reading twice.
 */
async function createInPlace(fs: StoreFs, path: string, text: string): Promise<boolean> {
  let handle
  try {
    handle = await fs.open(path, 'wx', 0o644)
  } catch (error) {
    if (hasErrorCode(error, 'EEXIST')) return false
    throw error
  }
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return true
}

/** Puts `text` at `path` whole, replacing what is there; false when the temp file was swept. */
async function replaceWhole(fs: StoreFs, path: string, text: string): Promise<boolean> {
  const temp = await writeTemp(fs, path, text)
  try {
    await fs.rename(temp, path)
    return true
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return false
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
}

/** A fsynced temp file beside `path`, named like the store's so a crash leaves nothing for good. */
async function writeTemp(fs: StoreFs, path: string, text: string): Promise<string> {
  const temp = `${path}.${process.pid}-${randomBytes(6).toString('hex')}${tempFileSuffix}`
  const handle = await fs.open(temp, 'wx', 0o644)
  try {
    await handle.writeFile(text)
    await handle.sync()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  await handle.close()
  return temp
}

/**
 * Opening for reading does not wait for a writer when the lock is a FIFO (a hostile or broken
 * library would hang every start); where there is no such flag (Windows) there are no FIFOs.
 */
const readWithoutWaiting =
  fsConstants.O_NONBLOCK === undefined ? 'r' : fsConstants.O_RDONLY | fsConstants.O_NONBLOCK

/** A lock this Lectern writes is a few hundred bytes; a bigger file is not one (and not read). */
const maxLockBytes = 4096

/** The lock file as it is now, or null when there is none. */
async function readLock(fs: StoreFs, path: string): Promise<LockFile | null> {
  for (let reading = 0; ; reading++) {
    let handle
    try {
      handle = await fs.open(path, readWithoutWaiting)
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT')) return null
      throw error
    }
    let found: LockFile
    try {
      const stats = await handle.stat()
      if (!stats.isFile()) throw Object.assign(new Error(`not a file: ${path}`), { code: 'EISDIR' })
      const { size, ino } = stats
      found = { text: size > maxLockBytes ? `(${size} bytes)` : await handle.readFile('utf8'), ino }
    } finally {
      await handle.close()
    }
    // Only a lock made where there are no hard links can be read before its content is in;
    // 50 ms is ample for one small write. A lock still unreadable then was left by a crash.
    if (parseHolder(found.text) || reading > 0) return found
    await pause(-1, 50)
  }
}

function parseHolder(text: string): LockHolder | null {
  let value: Partial<Record<keyof LockHolder, unknown>>
  try {
    value = JSON.parse(text) as typeof value
  } catch {
    return null
  }
  if (typeof value?.pid !== 'number' || typeof value.host !== 'string') return null
  const { started, boot, token, since } = value
  return {
    pid: value.pid,
    host: value.host,
    since: typeof since === 'string' ? since : '',
    started: typeof started === 'string' ? started : null,
    boot: typeof boot === 'string' ? boot : null,
    // No token: a lock of an older Lectern, judged by pid alone (see isStillRunning).
    ...(typeof token === 'string' ? { token } : {}),
  }
}

/** Removes the lock if it is still this opener's: one that was taken over is left alone. */
async function releaseIfOurs(fs: StoreFs, path: string, token: string): Promise<void> {
  try {
    const found = await readLock(fs, path)
    if (found && parseHolder(found.text)?.token === token) await fs.unlink(path)
  } catch {
    // Nothing to do: a lock that cannot be removed is judged dead once this process has ended.
  }
}

/**
 * Waits a random moment so that two processes that backed off together do not meet again: up
 * to 40 ms after `attempt` rounds of backing off (-1: a fixed `ms`).
 */
function pause(attempt: number, ms = 0): Promise<void> {
  const wait = attempt < 0 ? ms : Math.random() * 5 * 2 ** Math.min(attempt, 3)
  return new Promise((resolve) => setTimeout(resolve, wait))
}

/** Why a lock that exists cannot be read, in words: the reader can move it away. */
function unreadableLockMessage(path: string, error: unknown): string {
  const what = hasErrorCode(error, 'EISDIR') ? 'is not a file' : 'cannot be read'
  return `The lock file of this library (${path}) ${what}, so Lectern cannot tell whether another Lectern has the library open. Move it out of the library's folder and start Lectern again.`
}

/** Thrown when a library whose folder cannot be written to is asked to change. */
export class UnwritableLibraryError extends ReadOnlyStoreError {
  constructor(readonly code: UnwritableCode) {
    super('Your library', 'in-use')
    this.message = unwritableMessages[code]
    this.name = 'UnwritableLibraryError'
  }
}

const unwritableMessages: Record<UnwritableCode, string> = {
  EROFS:
    "This library's folder cannot be written to (read-only disk or no permission), so Lectern opens it read-only.",
  EACCES:
    "This library's folder cannot be written to (read-only disk or no permission), so Lectern opens it read-only.",
  EPERM:
    "This library's folder cannot be written to (read-only disk or no permission), so Lectern opens it read-only.",
  ENOSPC:
    'The disk that holds this library is full, so Lectern opens it read-only. Make room on the disk and start Lectern again to make changes.',
  EDQUOT:
    'Your disk quota is used up, so Lectern opens this library read-only. Make room and start Lectern again to make changes.',
}

/** A library as opened: the file system to use, and whether this process may write to it. */
export interface ClaimedLibrary {
  /** The real file system, or one that refuses every write when the library is read-only. */
  readonly fs: StoreFs
  /**
   * True when this process must not write: another Lectern holds the library, or its folder
   * cannot be written to (`readOnlyCause` tells which). Files open read-only, nothing repaired.
   */
  readonly inUseElsewhere: boolean
  readonly readOnlyCause: 'in-use' | 'unwritable' | null
  /** What the reader is told when the library opens read-only. */
  readonly notice: Notice | null
  /** Lets go of the lock (nothing to do when it was not ours). */
  readonly release: () => Promise<void>
}

/**
 * Takes the library's lock, or, when another Lectern holds it or the folder cannot be written
 * to, a read-only view of it.
 */
export async function claimLibrary(fs: StoreFs, dataDir: string): Promise<ClaimedLibrary> {
  const lock = await acquireLibraryLock(fs, dataDir)
  const readOnly = { inUseElsewhere: true, release: async () => undefined }
  switch (lock.kind) {
    case 'held':
      return { fs, inUseElsewhere: false, readOnlyCause: null, notice: null, release: lock.release }
    case 'unwritable': {
      const error = () => new UnwritableLibraryError(lock.code)
      return {
        ...readOnly,
        fs: readOnlyFs(fs, error),
        readOnlyCause: 'unwritable',
        notice: {
          id: 'library-unwritable',
          level: 'warning',
          title: 'Opened read-only',
          message: `${error().message} You can read here, but nothing you change is saved.`,
        },
      }
    }
    case 'in-use': {
      const { pid, since } = lock.holder
      const when = since ? `, since ${since.slice(0, 16).replace('T', ' ')}` : ''
      return {
        ...readOnly,
        fs: readOnlyFs(fs, () => new ReadOnlyStoreError('Your library', 'in-use')),
        readOnlyCause: 'in-use',
        notice: {
          id: 'library-in-use',
          level: 'warning',
          title: 'Opened read-only',
          message: `Another Lectern (process ${pid}${when}) has this library open. You can read here, but nothing you change is saved. Close the other one and start Lectern again to make changes.`,
        },
      }
    }
  }
}
