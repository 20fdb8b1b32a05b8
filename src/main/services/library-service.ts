import { fail, ok, type Result } from '../../shared/ipc/result'
import type {
  DocumentMeta,
  DocumentSource,
  OpenedDocument,
  ReadingPosition,
} from '../../shared/model'
import { decodeText, type DecodeFailure } from '../importing/decode-text'
import { parsePlainText } from '../importing/plain-text/parse-plain-text'
import { currentSchemaVersion } from '../store/schema'
import type { DataStore } from '../store/data-store'
import { storageFailure } from './storage-failure'

/** What the library service needs, passed in by the composition root. */
export interface LibraryServiceDeps {
  readonly store: DataStore
  readonly now: () => string
  /** A new unique id: lowercase letters, digits and dashes. */
  readonly newId: () => string
  /** SHA-256 of a text, hex. */
  readonly hashText: (text: string) => string
}

/** How an import names and describes the new document. */
export interface ImportOptions {
  readonly fileName: string
  readonly source?: DocumentSource
  /** A fixed id (for bundled documents); otherwise a new one. */
  readonly documentId?: string
}

type StorageFailureCode = 'storage-failed' | 'read-only'

/** Lists, opens and imports documents, and remembers reading positions. */
export class LibraryService {
  readonly #deps: LibraryServiceDeps

  constructor(deps: LibraryServiceDeps) {
    this.#deps = deps
  }

  /** Documents, most recently read (or imported) first. */
  list(): DocumentMeta[] {
    const lastTouched = (meta: DocumentMeta) => meta.readingPosition?.updatedAt ?? meta.importedAt
    return [...this.#deps.store.library.data.documents].sort((a, b) =>
      lastTouched(b).localeCompare(lastTouched(a)),
    )
  }

  /** A document's metadata and text. */
  async open(documentId: string): Promise<Result<OpenedDocument, 'not-found'>> {
    const meta = this.#find(documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    const content = await this.#deps.store.content(documentId, meta.title)
    if (!content) {
      return fail(
        'not-found',
        `The text of “${meta.title}” is missing from the data folder and no backup of it was found.`,
      )
    }
    const { text, segments } = content.data
    return ok({ meta, content: { text, segments } })
  }

  /** Stores where the reader is in a document. */
  async saveReadingPosition(
    documentId: string,
    position: Omit<ReadingPosition, 'updatedAt'>,
  ): Promise<Result<ReadingPosition, 'not-found' | StorageFailureCode>> {
    if (!this.#find(documentId))
      return fail('not-found', 'That document is no longer in your library.')
    const saved: ReadingPosition = { ...position, updatedAt: this.#deps.now() }
    try {
      await this.#deps.store.library.update((library) => {
        library.documents = library.documents.map((doc) =>
          doc.id === documentId ? { ...doc, readingPosition: saved } : doc,
        )
      })
      return ok(saved)
    } catch (error) {
      return storageFailure(error, 'your reading position')
    }
  }

  /** Imports a plain-text file. The text is durable before the library lists it. */
  async importText(
    bytes: Uint8Array,
    options: ImportOptions,
  ): Promise<Result<DocumentMeta, DecodeFailure | 'duplicate-id' | StorageFailureCode>> {
    const decoded = decodeText(bytes, options.fileName)
    if (!decoded.ok) return decoded
    const documentId = options.documentId ?? this.#deps.newId()
    if (this.#find(documentId))
      return fail('duplicate-id', `A document with id ${documentId} already exists.`)
    const parsed = parsePlainText(decoded.value, options.fileName)
    const now = this.#deps.now()
    const revision = {
      id: this.#deps.newId(),
      hash: this.#deps.hashText(parsed.content.text),
      createdAt: now,
    }
    const meta: DocumentMeta = {
      id: documentId,
      title: parsed.title,
      ...(parsed.lead ? { lead: parsed.lead } : {}),
      language: parsed.language,
      ...(options.source ? { source: options.source } : {}),
      ...(parsed.translation ? { translation: parsed.translation } : {}),
      ...(parsed.authorTag ? { authorTag: parsed.authorTag } : {}),
      fileName: options.fileName,
      format: 'text',
      importedAt: now,
      revision,
      wordCount: parsed.wordCount,
    }
    try {
      await this.#deps.store.createContent({
        schemaVersion: currentSchemaVersion,
        documentId,
        revision,
        ...parsed.content,
        segments: [...parsed.content.segments],
      })
      await this.#deps.store.library.update((library) => {
        library.documents.push(meta)
      })
      return ok(meta)
    } catch (error) {
      return storageFailure(error, `“${parsed.title}”`)
    }
  }

  #find(documentId: string): DocumentMeta | undefined {
    return this.#deps.store.library.data.documents.find((doc) => doc.id === documentId)
  }
}
