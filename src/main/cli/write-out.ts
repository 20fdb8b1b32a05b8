import type { Stats } from 'node:fs'
import { lstat, mkdir, readdir, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { isProcessRunning } from '../backup/process-running'
import { diskCause } from '../services/storage-failure'
import { tempFileSuffix, writeFileDurably } from '../store/durable-json-adapter'
import { realFs } from '../store/store-fs'

/**
 * The temp files `writeFileDurably` leaves when killed: `<name>.<pid>-<12 hex>.lectern-tmp`.
 * The pid says whose it is, so a temp of a write still running is never removed.
 */
const ourTempFile = new RegExp(`^.+\\.(\\d+)-[0-9a-f]{12}${tempFileSuffix.replace('.', '\\.')}$`)

/**
 * Why `--out PATH` cannot be written, or null. Only a regular file is ever replaced, and only
 * with `force`: a device, a pipe or a folder is refused, and so is a symbolic link (writing
 * would replace the link by a file, and writing through it could reach anywhere).
 */
export async function outProblem(path: string, force: boolean): Promise<string | null> {
  let info: Stats
  try {
    info = await lstat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    return couldNotWrite(path, error)
  }
  if (info.isSymbolicLink())
    return `${path} is a symbolic link; name the file itself (lectern does not write through links).`
  if (info.isDirectory()) return `${path} is a folder; name a file to write.`
  if (!info.isFile())
    return `${path} is ${kindOf(info)}, not a file; lectern writes only to ordinary files.`
  if (!force) return `${path} already exists; add --force to replace it.`
  return null
}

/**
 * Writes `bytes` to `path` (checked with `outProblem` first) through a temp file beside it that
 * is renamed over it, so a kill leaves the old file or the new one. Temp files of ours that a
 * killed lectern left in that folder are removed first. A string is why nothing was written.
 */
export async function writeOut(
  path: string,
  bytes: Uint8Array,
  force: boolean,
): Promise<string | null> {
  const problem = await outProblem(path, force)
  if (problem) return problem
  try {
    await mkdir(dirname(path), { recursive: true })
    await removeStaleTemps(dirname(path))
    await writeFileDurably(realFs, path, bytes)
    return null
  } catch (error) {
    return couldNotWrite(path, error)
  }
}

/**
 * Removes `*.lectern-tmp` files of our naming whose process has ended: a write that was killed
 * before its rename. Anything else in the folder, and a temp of a running process, stays.
 */
export async function removeStaleTemps(folder: string): Promise<void> {
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const pid = Number(ourTempFile.exec(name)?.[1])
    if (!Number.isInteger(pid) || isProcessRunning(pid)) continue
    const path = join(folder, name)
    const info = await lstat(path).catch(() => null)
    if (info?.isFile()) await unlink(path).catch(() => undefined)
  }
}

/** Where Markdown notebooks go: a folder that exists or can be made; a string says why not. */
export async function folderProblem(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null)
  if (!info || info.isDirectory()) return null
  return `${path} is not a folder; name a folder for the notebooks (or, with --document, a file ending in .md).`
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  if (info.isSocket()) return 'a socket'
  return 'something other than a file'
}

function couldNotWrite(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const cause =
    code === 'ENOTDIR'
      ? 'a folder on its path is a file'
      : code === 'ELOOP'
        ? 'a link on its path leads back to itself'
        : code === 'EACCES' || code === 'EPERM'
          ? 'lectern is not allowed to write there'
          : (diskCause(error) ?? 'an unexpected error')
  return `${path} could not be written: ${cause}.`
}
