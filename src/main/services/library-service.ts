import type { ImportFailure as RequestImportFailure } from '../../shared/ipc/contract'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type {
  DocumentMeta,
  DocumentSource,
  OpenedDocument,
  ReadingPosition,
  Revision,
} from '../../shared/model'
import type { ImportFormat } from '../importing/import-format'
import { readOnThisThread, type DocumentReader } from '../importing/read-off-thread'
import type { ParsedText } from '../importing/plain-text/parse-plain-text'
import { currentSchemaVersion, type ContentFile } from '../store/schema'
import { adoptTextRevision, withoutPlace } from './reconcile-library'
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
  /** Parses a file (in a worker thread in the app); on this thread when not given. */
  readonly readDocument?: DocumentReader
  /** Told after a document was added, given a new text, deleted or restored (search indexes it). */
  readonly onDocumentsChanged?: () => void
}

/** How an import names and describes the new document. */
export interface ImportOptions {
  readonly fileName: string
  readonly source?: DocumentSource
  /** A fixed id (for bundled documents); otherwise a new one. */
  readonly documentId?: string
}

type StorageFailureCode = 'storage-failed' | 'read-only'

/**
 * Why a file could not be imported: the contract's reasons (every ReadFailure of the importer must
 * be one, which the compiler checks where a read's failure is returned), or a refused save.
 */
type ImportFailure = RequestImportFailure | StorageFailureCode

/** A web page says where it came from: its site name (else its address's host) and address. */
export function sourceOfPage(parsed: ParsedText): DocumentSource | undefined {
  const { siteName, url } = parsed
  if (siteName) return { name: siteName, ...(url ? { url } : {}) }
  return url ? { name: new URL(url).hostname, url } : undefined
}

/** "notes.md" from "/home/reader/notes.md" (or a Windows path). */
function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '')
}

/** Lists, opens and imports documents, and remembers reading positions. */
export class LibraryService {
  readonly #deps: LibraryServiceDeps

  constructor(deps: LibraryServiceDeps) {
    this.#deps = deps
  }

  #read(bytes: Uint8Array, fileName: string) {
    return (this.#deps.readDocument ?? readOnThisThread)(bytes, fileName)
  }

  /** Documents, most recently read (or imported) first. */
  list(): DocumentMeta[] {
    const lastTouched = (meta: DocumentMeta) => meta.readingPosition?.updatedAt ?? meta.importedAt
    return [...this.#deps.store.library.data.documents].sort((a, b) =>
      lastTouched(b).localeCompare(lastTouched(a)),
    )
  }

  /** A document's metadata and text (its annotations come from the annotation service). */
  async open(
    documentId: string,
  ): Promise<Result<Omit<OpenedDocument, 'annotations'>, 'not-found'>> {
    const meta = this.#find(documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    const content = await this.#deps.store.content(documentId, meta.title)
    if (!content) {
      return fail(
        'not-found',
        `The text of “${meta.title}” is missing from the data folder and no backup of it was found.`,
      )
    }
    const { text, segments, marks, revision } = content.data
    const current =
      revision.id === meta.revision.id ? meta : await this.#adoptRevision(meta, content.data)
    return ok({ meta: current, content: { text, segments, ...(marks ? { marks } : {}) } })
  }

  /**
   * A text whose revision the library entry does not name: a new version whose save was cut
   * short after the text was written. The text wins; the entry is brought up to date (when the
   * library can be written) so that the two agree from now on.
   */
  async #adoptRevision(meta: DocumentMeta, content: ContentFile): Promise<DocumentMeta> {
    const described = await this.#deps.store.readDocumentFile(meta.id)
    const adopted = adoptTextRevision(meta, content, described)
    try {
      await this.#deps.store.saveDocumentFile(withoutPlace(adopted))
      await this.#deps.store.library.update((library) => {
        library.documents = library.documents.map((doc) => (doc.id === meta.id ? adopted : doc))
      })
    } catch {
      // Read-only or a full disk: the reader still sees the text's own revision.
    }
    return adopted
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

  /**
   * Imports a file as a new document, or — when a document from a file of the same name is in
   * the library — as a new revision of it. The text is durable before the library lists it.
   */
  async importFile(
    bytes: Uint8Array,
    options: ImportOptions,
  ): Promise<
    Result<{ document: DocumentMeta; isNewRevision: boolean }, ImportFailure | 'not-found'>
  > {
    const existing = this.#deps.store.library.data.documents.find(
      (doc) => doc.fileName === baseName(options.fileName),
    )
    if (existing && !options.documentId) {
      const revised = await this.reviseText(existing.id, bytes, options.fileName)
      return revised.ok
        ? ok({ document: revised.value.meta, isNewRevision: revised.value.isChanged })
        : revised
    }
    const imported = await this.importText(bytes, options)
    return imported.ok ? ok({ document: imported.value, isNewRevision: false }) : imported
  }

  /** Imports a text or Markdown file as a new document. */
  async importText(
    bytes: Uint8Array,
    options: ImportOptions,
  ): Promise<Result<DocumentMeta, ImportFailure>> {
    const read = await this.#read(bytes, baseName(options.fileName))
    if (!read.ok) return read
    const { format, parsed } = read.value
    const documentId = options.documentId ?? this.#deps.newId()
    if (this.#find(documentId))
      return fail('duplicate-id', `A document with id ${documentId} already exists.`)
    const now = this.#deps.now()
    const revision = {
      id: this.#deps.newId(),
      hash: this.#deps.hashText(parsed.content.text),
      createdAt: now,
    }
    const source = options.source ?? sourceOfPage(parsed)
    const meta: DocumentMeta = {
      ...this.#describe(parsed, { fileName: options.fileName, documentId, format }, revision, now),
      ...(source ? { source } : {}),
    }
    try {
      for (const [name, bytes] of parsed.assets ?? [])
        await this.#deps.store.saveAsset(documentId, name, bytes)
      await this.#deps.store.createContent({
        schemaVersion: currentSchemaVersion,
        documentId,
        revision,
        text: parsed.content.text,
        segments: [...parsed.content.segments],
        ...(parsed.content.marks?.length ? { marks: [...parsed.content.marks] } : {}),
      })
      await this.#deps.store.saveDocumentFile(meta)
      await this.#deps.store.library.update((library) => {
        library.documents.push(meta)
      })
      this.#deps.onDocumentsChanged?.()
      return ok(meta)
    } catch (error) {
      return storageFailure(error, `“${parsed.title}”`)
    }
  }

  /**
   * Replaces a document's text with a new revision (a re-import of a changed file). The old text
   * is backed up first; highlights are re-anchored when the document is next opened.
   */
  async reviseText(
    documentId: string,
    bytes: Uint8Array,
    fileName: string,
  ): Promise<Result<{ meta: DocumentMeta; isChanged: boolean }, 'not-found' | ImportFailure>> {
    const meta = this.#find(documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    const read = await this.#read(bytes, baseName(fileName))
    if (!read.ok) return read
    const { format, parsed } = read.value
    const hash = this.#deps.hashText(parsed.content.text)
    if (hash === meta.revision.hash) return ok({ meta, isChanged: false })
    const content = await this.#deps.store.content(documentId, meta.title)
    if (!content) return fail('not-found', `The text of “${meta.title}” is missing.`)
    const now = this.#deps.now()
    const revision = { id: this.#deps.newId(), hash, createdAt: now }
    const revised: DocumentMeta = {
      ...this.#describe(parsed, { fileName, documentId, format }, revision, meta.importedAt),
      ...(meta.source ? { source: meta.source } : {}),
      ...(meta.readingPosition ? { readingPosition: meta.readingPosition } : {}),
    }
    try {
      await content.update((draft) => {
        const { marks: _oldMarks, ...rest } = draft
        return {
          ...rest,
          revision,
          text: parsed.content.text,
          segments: [...parsed.content.segments],
          ...(parsed.content.marks?.length ? { marks: [...parsed.content.marks] } : {}),
        }
      })
      // The text is the truth about the revision; the folder's description follows it, then
      // the library (a stop between them is reconciled at the next start or open).
      await this.#deps.store.saveDocumentFile(withoutPlace(revised))
      await this.#deps.store.library.update((library) => {
        library.documents = library.documents.map((doc) => (doc.id === documentId ? revised : doc))
      })
      this.#deps.onDocumentsChanged?.()
      return ok({ meta: revised, isChanged: true })
    } catch (error) {
      return storageFailure(error, `the new version of “${meta.title}”`)
    }
  }

  #describe(
    parsed: ParsedText,
    options: { fileName: string; documentId: string; format: ImportFormat },
    revision: Revision,
    importedAt: string,
  ): DocumentMeta {
    return {
      id: options.documentId,
      title: parsed.title,
      ...(parsed.lead ? { lead: parsed.lead } : {}),
      language: parsed.language,
      ...(parsed.translation ? { translation: parsed.translation } : {}),
      ...(parsed.authorTag ? { authorTag: parsed.authorTag } : {}),
      ...(parsed.author ? { author: parsed.author } : {}),
      ...(parsed.toc ? { toc: parsed.toc } : {}),
      fileName: baseName(options.fileName),
      format: options.format,
      importedAt,
      revision,
      wordCount: parsed.wordCount,
    }
  }

  /**
   * Removes a document from the library. Its folder goes to the trash first, so the deletion can
   * be undone with `restore`; the library index is changed only once the folder has moved.
   */
  async remove(
    documentId: string,
  ): Promise<Result<{ meta: DocumentMeta; trashName: string }, 'not-found' | StorageFailureCode>> {
    const meta = this.#find(documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    let trashName: string
    try {
      trashName = await this.#deps.store.trashDocumentFolder(documentId)
    } catch (error) {
      return storageFailure(error, `the deletion of “${meta.title}”`)
    }
    try {
      await this.#deps.store.library.update((library) => {
        library.documents = library.documents.filter((doc) => doc.id !== documentId)
      })
    } catch (error) {
      await this.#deps.store.restoreDocumentFolder(documentId, trashName).catch(() => undefined)
      return storageFailure(error, `the deletion of “${meta.title}”`)
    }
    this.#deps.onDocumentsChanged?.()
    return ok({ meta, trashName })
  }

  /** Undoes `remove`: the folder comes back from the trash and the library lists it again. */
  async restore(
    meta: DocumentMeta,
    trashName: string,
  ): Promise<Result<DocumentMeta, 'duplicate-id' | StorageFailureCode>> {
    if (this.#find(meta.id))
      return fail('duplicate-id', `“${meta.title}” is already in your library.`)
    try {
      await this.#deps.store.restoreDocumentFolder(meta.id, trashName)
      await this.#deps.store.library.update((library) => {
        library.documents.push(meta)
      })
      this.#deps.onDocumentsChanged?.()
      return ok(meta)
    } catch (error) {
      return storageFailure(error, `“${meta.title}”`)
    }
  }

  #find(documentId: string): DocumentMeta | undefined {
    return this.#deps.store.library.data.documents.find((doc) => doc.id === documentId)
  }
}
