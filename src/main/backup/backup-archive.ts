import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { tempFileSuffix, writeFileDurably } from '../store/durable-json-adapter'
import { realFs } from '../store/store-fs'

/** What a backup archive says about itself; checked before anything is restored. */
export interface BackupManifest {
  readonly app: 'lectern'
  readonly formatVersion: 1
  readonly createdAt: string
  readonly files: readonly {
    readonly path: string
    readonly size: number
    readonly sha256: string
  }[]
}

/** Folders of the data dir that are not the library: copies of copies, and the archives. */
const notBackedUp = new Set(['backups', 'archives'])
const manifestName = 'lectern-backup.json'
/** The largest archive restore will unpack (an archive is read whole into memory). */
const maxUnpackedBytes = 2 * 1024 ** 3
const safePath = /^(?:[A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]+$/

/**
 * One zip of the data dir: every library file (documents, highlights, cards, reviews, settings,
 * trash) and a manifest with each file's size and SHA-256. Temp files, per-file backups, damaged
 * copies and the archives themselves are left out.
 */
export async function createBackupArchive(dataDir: string, createdAt: string): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {}
  const files: BackupManifest['files'][number][] = []
  for (const path of await listLibraryFiles(dataDir)) {
    const bytes = await fs.readFile(join(dataDir, ...path.split('/')))
    entries[path] = bytes
    files.push({ path, size: bytes.length, sha256: sha256(bytes) })
  }
  const manifest: BackupManifest = { app: 'lectern', formatVersion: 1, createdAt, files }
  entries[manifestName] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`)
  return zipSync(entries, { level: 6 })
}

/** Library files under the data dir, as sorted `/`-separated relative paths. */
export async function listLibraryFiles(dataDir: string): Promise<string[]> {
  const all = await fs.readdir(dataDir, { recursive: true, withFileTypes: true })
  return all
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dataDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !notBackedUp.has(path.split('/')[0]!))
    .filter((path) => !path.endsWith(tempFileSuffix) && !/\.tmp-|\.corrupt-|\.lock$/.test(path))
    .sort()
}

/**
 * Restores an archive into `dataDir`, which must be empty or not exist: a restore never mixes
 * with or overwrites a library. The whole archive is checked first (manifest, paths, sizes,
 * checksums); a string is the reason nothing was written.
 */
export async function restoreBackupArchive(
  bytes: Uint8Array,
  dataDir: string,
): Promise<string | null> {
  const existing = await fs
    .readdir(dataDir)
    .catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)))
  if (existing.length > 0)
    return `${dataDir} is not empty. Restore into an empty folder, then point Lectern at it.`
  const checked = checkArchive(bytes)
  if (typeof checked === 'string') return checked
  for (const { path, bytes: content } of checked) {
    const target = join(dataDir, ...path.split('/'))
    await fs.mkdir(dirname(target), { recursive: true })
    await writeFileDurably(realFs, target, content)
  }
  return null
}

/** The files of a valid archive, or what is wrong with it. */
export function checkArchive(bytes: Uint8Array): { path: string; bytes: Uint8Array }[] | string {
  let entries: Record<string, Uint8Array>
  try {
    let total = 0
    entries = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize
        if (total > maxUnpackedBytes) throw new Error('too large')
        return true
      },
    })
  } catch {
    return 'This file is not a Lectern backup (it is not a readable zip archive, or it is damaged).'
  }
  const manifestBytes = entries[manifestName]
  if (!manifestBytes) return 'This zip archive is not a Lectern backup (it has no backup manifest).'
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as BackupManifest
  } catch {
    return 'The backup’s manifest is damaged.'
  }
  if (manifest.app !== 'lectern' || manifest.formatVersion !== 1 || !Array.isArray(manifest.files))
    return 'This backup was made by a newer Lectern or another program; it was not restored.'
  const files: { path: string; bytes: Uint8Array }[] = []
  for (const file of manifest.files) {
    if (
      typeof file.path !== 'string' ||
      !safePath.test(file.path) ||
      file.path.split('/').includes('..')
    )
      return `The backup names a file outside the data folder (${String(file.path).slice(0, 80)}); nothing was restored.`
    const content = entries[file.path]
    if (!content) return `The backup is missing ${file.path}; nothing was restored.`
    if (content.length !== file.size || sha256(content) !== file.sha256)
      return `${file.path} in the backup is damaged (its checksum does not match); nothing was restored.`
    files.push({ path: file.path, bytes: content })
  }
  return files
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
