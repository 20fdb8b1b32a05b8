import { join } from 'node:path'
import { tempFileSuffix } from './durable-json-adapter'
import { openStoredFile, type OpenContext, type StoredFileSpec } from './open-stored-file'
import { hasErrorCode, type StoreFs } from './store-fs'
import type { StoredFile } from './stored-file'

/** Document ids are also folder names, so they are restricted to a safe alphabet. */
export const documentIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/

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
 * Every folder of the library is swept (schedules and review logs included).
 */
export async function removeStaleTempFiles(fs: StoreFs, dataDir: string): Promise<void> {
  const sweep = async (folder: string): Promise<void> => {
    let names: string[]
    try {
      names = await fs.readdir(folder)
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT') || hasErrorCode(error, 'ENOTDIR')) return
      throw error
    }
    for (const name of names) {
      if (name.endsWith(tempFileSuffix)) await fs.unlink(join(folder, name)).catch(() => undefined)
      else if (!name.includes('.') && name !== 'trash') await sweep(join(folder, name))
    }
  }
  await sweep(dataDir)
}
