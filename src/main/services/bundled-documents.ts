import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { DataStore } from '../store/data-store'
import type { LibraryService } from './library-service'

const manifestSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    file: z.string().regex(/^[\w.-]+$/),
    source: z.object({ name: z.string(), url: z.string().optional() }).optional(),
  }),
)

/**
 * Imports each document that ships with Lectern (resources/articles/bundled.json) once, through
 * the ordinary importer. A bundled document the reader deleted is not brought back.
 */
export async function importBundledDocuments(options: {
  readonly resourcesDir: string
  readonly store: DataStore
  readonly library: LibraryService
}): Promise<void> {
  const folder = join(options.resourcesDir, 'articles')
  const manifest = manifestSchema.parse(
    JSON.parse(await readFile(join(folder, 'bundled.json'), 'utf8')),
  )
  if (options.store.library.isReadOnly) return
  for (const entry of manifest) {
    if (options.store.library.data.importedBundles.includes(entry.id)) continue
    const bytes = await readFile(join(folder, entry.file))
    const result = await options.library.importText(bytes, {
      fileName: entry.file,
      documentId: entry.id,
      ...(entry.source ? { source: entry.source } : {}),
    })
    if (!result.ok && result.error.code !== 'duplicate-id') {
      throw new Error(
        `The bundled document ${entry.file} could not be imported: ${result.error.message}`,
      )
    }
    await options.store.library.update((library) => {
      library.importedBundles.push(entry.id)
    })
  }
}
