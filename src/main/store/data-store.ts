import { join } from 'node:path'
import type { Notice } from '../../shared/model'
import { defaultSettings } from '../../shared/model'
import { Backups } from './backups'
import { DurableJsonAdapter, tempFileSuffix } from './durable-json-adapter'
import { openStoredFile, type OpenContext } from './open-stored-file'
import {
  annotationsFileSchema,
  contentFileSchema,
  currentSchemaVersion,
  libraryFileSchema,
  type AnnotationsFile,
  type ContentFile,
  type LibraryFile,
} from './schema'
import { hasErrorCode, realFs, type StoreFs } from './store-fs'
import type { StoredFile } from './stored-file'

/** Document ids are also folder names, so they are restricted to a safe alphabet. */
export const documentIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/

/** What the store needs from outside. */
export interface DataStoreOptions {
  readonly dataDir: string
  /** The current time as an ISO string. */
  readonly now: () => string
  readonly fs?: StoreFs
}

/**
 * The data dir: a small library index plus one folder of files per document (guide §2). Each
 * file has one writer, this object, which hands out one StoredFile per path.
 */
export class DataStore {
  readonly library: StoredFile<LibraryFile>
  readonly #context: OpenContext
  readonly #notices: Notice[]
  readonly #contents = new Map<string, Promise<StoredFile<ContentFile> | null>>()
  readonly #annotations = new Map<string, Promise<StoredFile<AnnotationsFile>>>()

  private constructor(library: StoredFile<LibraryFile>, context: OpenContext, notices: Notice[]) {
    this.library = library
    this.#context = context
    this.#notices = notices
  }

  /** Opens (or creates) the data dir, recovering damaged files and removing stale temp files. */
  static async open(options: DataStoreOptions): Promise<DataStore> {
    const fs = options.fs ?? realFs
    await fs.mkdir(options.dataDir, { recursive: true })
    await removeStaleTempFiles(fs, options.dataDir)
    const notices: Notice[] = []
    const context: OpenContext = {
      dataDir: options.dataDir,
      fs,
      backups: new Backups(options.dataDir, fs),
      now: options.now,
      report: (notice) => notices.push(notice),
    }
    const library = await openStoredFile(
      {
        relPath: 'library.json',
        label: 'your library',
        schema: libraryFileSchema,
        defaults: (): LibraryFile => ({
          schemaVersion: currentSchemaVersion,
          documents: [],
          settings: defaultSettings,
          importedBundles: [],
        }),
      },
      context,
    )
    if (!library) throw new Error('library.json always has defaults')
    return new DataStore(library, context, notices)
  }

  /** Messages about recoveries and read-only files since the store was opened. */
  get notices(): readonly Notice[] {
    return this.#notices
  }

  /** The text file of a document, or null when it is missing and could not be recovered. */
  content(documentId: string, title: string): Promise<StoredFile<ContentFile> | null> {
    assertDocumentId(documentId)
    let file = this.#contents.get(documentId)
    if (!file) {
      file = openStoredFile(
        {
          relPath: `documents/${documentId}/content.json`,
          label: `the text of “${title}”`,
          schema: contentFileSchema,
        },
        this.#context,
      )
      this.#contents.set(documentId, file)
    }
    return file
  }

  /** The highlights and notes of a document; an empty file for a document without any. */
  annotations(documentId: string, title: string): Promise<StoredFile<AnnotationsFile>> {
    assertDocumentId(documentId)
    let file = this.#annotations.get(documentId)
    if (!file) {
      file = openStoredFile(
        {
          relPath: `documents/${documentId}/annotations.json`,
          label: `the highlights and notes of “${title}”`,
          schema: annotationsFileSchema,
          defaults: (): AnnotationsFile => ({
            schemaVersion: currentSchemaVersion,
            documentId,
            highlights: [],
          }),
        },
        this.#context,
      ).then((opened) => {
        if (!opened) throw new Error('annotations files always have defaults')
        return opened
      })
      this.#annotations.set(documentId, file)
    }
    return file
  }

  /** Writes a new document's text durably; done before the library lists the document. */
  async createContent(content: ContentFile): Promise<void> {
    assertDocumentId(content.documentId)
    const relPath = `documents/${content.documentId}/content.json`
    await new DurableJsonAdapter<ContentFile>(
      join(this.#context.dataDir, relPath),
      this.#context.fs,
    ).write(content)
    this.#contents.delete(content.documentId)
    await this.#context.backups.save(relPath, this.#context.now()).catch(() => null)
  }
}

function assertDocumentId(documentId: string): void {
  if (!documentIdPattern.test(documentId)) throw new Error(`Invalid document id: ${documentId}`)
}

/** Temp files are only ever left by a crash mid-write; the target still holds the last state. */
async function removeStaleTempFiles(fs: StoreFs, dataDir: string): Promise<void> {
  const folders = [dataDir]
  try {
    for (const id of await fs.readdir(join(dataDir, 'documents'))) {
      folders.push(join(dataDir, 'documents', id))
    }
  } catch (error) {
    if (!hasErrorCode(error, 'ENOENT')) throw error
  }
  for (const folder of folders) {
    const names = await fs.readdir(folder).catch(() => [] as string[])
    for (const name of names.filter((n) => n.endsWith(tempFileSuffix))) {
      await fs.unlink(join(folder, name)).catch(() => undefined)
    }
  }
}
