import { join } from 'node:path'
import { tempFileSuffix } from './durable-json-adapter'
import { openStoredFile, type OpenContext, type StoredFileSpec } from './open-stored-file'
import type { StoreFs } from './store-fs'
import type { StoredFile } from './stored-file'
import { documentIdPattern } from './schema'

export { documentIdPattern } from './schema'

/** One promise per key: a file is opened once however many requests ask for it at once. */
export function cached<T>(
  map: Map<string, Promise<T>>,
  key: string,
  open: () => Promise<T>,
): Promise<T> {
  let value = map.get(key)
  if (!value) {
    const opening = open()
    map.set(key, (value = opening))
    // A file that could not be read (the disk failed) is tried again next time, not remembered.
    opening.catch(() => {
      if (map.get(key) === opening) map.delete(key)
    })
  }
  return value
}

export async function openWithDefaults<T>(
  context: OpenContext,
  spec: StoredFileSpec<T>,
): Promise<StoredFile<T>> {
  const file = await openStoredFile(spec, context)
  if (!file) throw new Error(`${spec.relPath} has defaults and always opens`)
  return file
}

export function assertDocumentId(documentId: string): void {
  if (!documentIdPattern.test(documentId)) throw new Error(`Invalid document id: ${documentId}`)
}

/**
 * Temp files are only ever left by a crash mid-write; the target still holds the last state.
 * Every real folder of the library is swept (schedules and review logs included) except the
 * trash. Symlinks are never followed, so nothing outside the data folder is touched and a loop
 * cannot trap the sweep, and only regular files named as the store names its temp files are
 * removed. The sweep only tidies: what it cannot list or remove is left, and the library opens.
 */
export async function removeStaleTempFiles(fs: StoreFs, dataDir: string): Promise<void> {
  // `<file>.<pid>-<random>.lectern-tmp`, as writeFileDurably names them.
  const isStaleTemp = (name: string) =>
    name.endsWith(tempFileSuffix) && /.\.\d+-[0-9a-z]+$/.test(name.slice(0, -tempFileSuffix.length))
  // The store's deepest folder is documents/<id>/schedules; a real folder nested deeper than
  // this is not the store's (and a bind mount could make one endless).
  const maxDepth = 8
  const sweep = async (folder: string, depth: number): Promise<void> => {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      const path = join(folder, entry.name)
      if (entry.isFile() && isStaleTemp(entry.name)) await fs.unlink(path).catch(() => undefined)
      else if (entry.isDirectory() && entry.name !== 'trash' && depth < maxDepth)
        await sweep(path, depth + 1)
    }
  }
  await sweep(dataDir, 0)
}
