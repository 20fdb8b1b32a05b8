import { createHash } from 'node:crypto'
import * as fs from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { tempFileSuffix } from '../store/durable-json-adapter'

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

/**
 * Folders of the data dir that are not the library: copies of copies, the archives, and derived
 * data rebuilt from the library when missing (index/: the kept search index).
 */
const notBackedUp = new Set(['backups', 'archives', 'index'])
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
  for (const path of journalsFirst(await listLibraryFiles(dataDir))) {
    const bytes = await fs.readFile(join(dataDir, ...path.split('/')))
    entries[path] = bytes
    files.push({ path, size: bytes.length, sha256: sha256(bytes) })
  }
  const manifest: BackupManifest = { app: 'lectern', formatVersion: 1, createdAt, files }
  entries[manifestName] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`)
  return zipSync(entries, { level: 6 })
}

/**
 * The paths with each journal of small saves before its file. Read in this order, an archive
 * taken while the reader saves is consistent: the file read after its journal is the one the
 * journal builds on, or a later whole write that already holds every save in it (the journal is
 * then stale and never replayed). Read the other way round, a fold and a new save in between
 * left an old file with a journal for the new one: those saves were lost on restore.
 */
export function journalsFirst(paths: readonly string[]): string[] {
  const journals = paths.filter((path) => path.endsWith('.journal'))
  return [...journals, ...paths.filter((path) => !path.endsWith('.journal'))]
}

/** Library files under the data dir, as sorted `/`-separated relative paths. */
export async function listLibraryFiles(dataDir: string): Promise<string[]> {
  const all = await fs.readdir(dataDir, { recursive: true, withFileTypes: true })
  return all
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dataDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(isLibraryFile)
    .sort()
}

/**
 * True for a file that belongs in a backup and in a restored library: not the archives, not the
 * per-file backups, not a write in flight, a damaged copy set aside, or the lock (a restored lock
 * would name a process of another machine and keep the library read-only).
 */
export function isLibraryFile(path: string): boolean {
  if (notBackedUp.has(path.split('/')[0]!)) return false
  const name = path.split('/').pop()!
  return !name.endsWith(tempFileSuffix) && !/\.tmp-|\.corrupt-|\.lock$/.test(name)
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
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    manifest.app !== 'lectern' ||
    manifest.formatVersion !== 1 ||
    !Array.isArray(manifest.files)
  )
    return 'This backup was made by a newer Lectern or another program; it was not restored.'
  for (const file of manifest.files as unknown[]) {
    const path = (file as { path?: unknown } | null)?.path
    if (typeof path !== 'string' || !safePath.test(path) || path.split('/').some(isDotSegment))
      return `The backup names a file outside the data folder (${String(path).slice(0, 80)}); nothing was restored.`
  }
  const conflict = conflictingPath(manifest.files.map((file) => file.path))
  if (conflict) return `${conflict}; nothing was restored.`
  const files: { path: string; bytes: Uint8Array }[] = []
  for (const file of manifest.files) {
    const content = entries[file.path]
    if (!content) return `The backup is missing ${file.path}; nothing was restored.`
    if (content.length !== file.size || sha256(content) !== file.sha256)
      return `${file.path} in the backup is damaged (its checksum does not match); nothing was restored.`
    if (isLibraryFile(file.path)) files.push({ path: file.path, bytes: content })
  }
  return files
}

/**
 * The first pair of paths that cannot both be written, as a sentence, or null. Paths are
 * compared without case: on macOS and Windows `Notes.json` and `notes.json` are one file, and an
 * archive that restores on one system must restore the same on every other.
 */
export function conflictingPath(paths: readonly string[]): string | null {
  const files = new Map<string, string>()
  for (const path of paths) {
    const same = files.get(path.toLowerCase())
    if (same === path) return `The backup lists ${path} twice`
    if (same !== undefined)
      return `The backup holds both ${same} and ${path}, which are one file on some systems`
    files.set(path.toLowerCase(), path)
  }
  for (const [key, path] of files) {
    const parts = key.split('/')
    for (let depth = 1; depth < parts.length; depth++) {
      const asFile = files.get(parts.slice(0, depth).join('/'))
      if (asFile !== undefined)
        return `The backup holds ${asFile} both as a file and as a folder (${path})`
    }
  }
  return null
}

function isDotSegment(segment: string): boolean {
  return segment === '.' || segment === '..'
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}
