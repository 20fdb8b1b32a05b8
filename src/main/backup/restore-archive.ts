import { randomBytes } from 'node:crypto'
import { lstat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { diskCause } from '../services/storage-failure'
import { hasErrorCode, realFs, type StoreFs } from '../store/store-fs'
import { checkArchive } from './backup-archive'
import { isProcessRunning } from './process-running'

/** What an unfinished restore's folder is called after its target: `<target>.restoring-<pid>-<hex>`. */
export const restoringMarker = '.restoring-'

/**
 * Restores an archive into `dataDir`, which must be empty or not exist: a restore never mixes
 * with or overwrites a library. The whole archive is checked first (manifest, paths, sizes,
 * checksums, conflicting paths); then every file is written and fsynced into a sibling folder,
 * `<dataDir>.restoring-…`, which is renamed into place last. A restore cut short (a kill, a full
 * disk) leaves `dataDir` as it was and at most that clearly named sibling, which the next restore
 * removes. A string is the reason nothing was restored.
 */
export async function restoreBackupArchive(
  bytes: Uint8Array,
  dataDir: string,
  fs: StoreFs = realFs,
): Promise<string | null> {
  const target = resolve(dataDir)
  let state: FolderState | 'a-link'
  try {
    state = await folderState(fs, target)
  } catch (error) {
    return notRestored(error, target)
  }
  if (state === 'not-empty')
    return `${target} is not empty. Restore into an empty folder, then point Lectern at it.`
  if (state === 'a-link')
    return `${target} is a symbolic link; name the folder itself, which must be empty or new.`
  if (state === 'not-a-folder')
    return `${target} is a file, not a folder. Restore into an empty folder, then point Lectern at it.`
  const checked = checkArchive(bytes)
  if (typeof checked === 'string') return checked
  const sibling = `${target}${restoringMarker}${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    await fs.mkdir(dirname(target), { recursive: true })
    const busy = await removeStaleSiblings(fs, target)
    if (busy) return busy
    await writeTree(fs, sibling, checked)
    // Only an empty folder can be removed here, so nothing of the reader's is lost; a folder
    // that filled meanwhile makes rmdir fail and the restore stop.
    if (state === 'empty') await fs.rmdir(target)
    await fs.rename(sibling, target)
  } catch (error) {
    await fs.rm(sibling, { recursive: true, force: true }).catch(() => undefined)
    if (hasErrorCode(error, 'ENOTEMPTY') || hasErrorCode(error, 'EEXIST'))
      return `${target} is no longer empty (something wrote into it during the restore); nothing was restored.`
    return notRestored(error, target)
  }
  try {
    await syncFolder(fs, dirname(target))
  } catch (error) {
    return `The backup was restored into ${target}, but it may not survive a power cut (${diskCause(error) ?? 'an unexpected error'}); run “lectern check” before using it.`
  }
  return null
}

type FolderState = 'absent' | 'empty' | 'not-empty' | 'not-a-folder'

async function folderState(fs: StoreFs, path: string): Promise<FolderState | 'a-link'> {
  // A link is not followed: the rename would replace the link, not fill the folder it names.
  if ((await lstat(path).catch(() => null))?.isSymbolicLink()) return 'a-link'
  try {
    return (await fs.readdir(path)).length === 0 ? 'empty' : 'not-empty'
  } catch (error) {
    if (hasErrorCode(error, 'ENOENT')) return 'absent'
    if (hasErrorCode(error, 'ENOTDIR')) return 'not-a-folder'
    throw error
  }
}

/**
 * Removes unfinished restores of `target` whose process has ended: they are partial copies of an
 * archive, never a library anyone opened. A sibling whose process still runs is another restore
 * in progress; the sentence says so and nothing is touched.
 */
async function removeStaleSiblings(fs: StoreFs, target: string): Promise<string | null> {
  const prefix = `${basename(target)}${restoringMarker}`
  for (const name of await fs.readdir(dirname(target))) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length))?.[1])
    if (Number.isInteger(pid) && isProcessRunning(pid))
      return `Another restore into ${target} seems to be running (${name}); wait for it to finish, or remove that folder if it is not.`
    await fs.rm(join(dirname(target), name), { recursive: true, force: true })
  }
  return null
}

/** Writes every file under a new folder `root` and fsyncs files and folders, deepest first. */
async function writeTree(
  fs: StoreFs,
  root: string,
  files: readonly { path: string; bytes: Uint8Array }[],
): Promise<void> {
  // Not recursive: if the folder is removed underneath (a second restore sweeping it), the
  // writes fail instead of re-creating a partial tree that could be renamed into place.
  await fs.mkdir(root)
  const folders = [...new Set(files.flatMap(({ path }) => parentsOf(path)))].sort()
  for (const folder of folders) await fs.mkdir(join(root, ...folder.split('/')))
  for (const { path, bytes } of files) {
    const handle = await fs.open(join(root, ...path.split('/')), 'wx', 0o600)
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }
  for (const folder of folders.reverse()) await syncFolder(fs, join(root, ...folder.split('/')))
  await syncFolder(fs, root)
}

/** `a/b/c.json` → `a`, `a/b`. */
function parentsOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1)
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

/** Makes the names in a folder durable. Windows cannot open folders; it needs no fsync. */
async function syncFolder(fs: StoreFs, folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function notRestored(error: unknown, target: string): string {
  return `Lectern could not restore the backup because ${diskCause(error) ?? 'of an unexpected error'}. ${target} was left as it was.`
}
