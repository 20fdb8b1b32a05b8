import { strToU8, zipSync } from 'fflate'
import { ankiDeckName, toAnkiText, type AnkiExportCard } from '../../shared/export/anki-text'
import { markdownNotebook, notebookFileName } from '../../shared/export/markdown-notebook'
import { toAnnotationCollection, type AnnotatedDocument } from '../../shared/export/web-annotation'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { DocumentMeta, ExportedFile, ExportFormat, Highlight } from '../../shared/model'
import type { AnnotationService } from '../services/annotation-service'
import type { CardService } from '../services/card-service'
import type { LibraryService } from '../services/library-service'
import type { SettingsService } from '../services/settings-service'
import { buildApkg } from './apkg'

type Failure = 'not-found' | 'storage-failed' | 'read-only'

export interface ExportServiceDeps {
  readonly library: LibraryService
  readonly annotations: AnnotationService
  readonly cards: CardService
  readonly settings: SettingsService
  readonly now: () => Date
}

interface DocumentData {
  readonly meta: DocumentMeta
  readonly text: string
  readonly highlights: readonly Highlight[]
}

/** Writes the reader's highlights, notes and cards in open formats: nothing stays locked in. */
export class ExportService {
  readonly #deps: ExportServiceDeps

  constructor(deps: ExportServiceDeps) {
    this.#deps = deps
  }

  /**
   * Exports one document (or, without an id, the whole library). Markdown gives one notebook per
   * document; the other formats give one file.
   */
  async export(
    format: ExportFormat,
    documentId?: string,
  ): Promise<Result<ExportedFile[], Failure>> {
    const documents = await this.#documents(documentId)
    if (!documents.ok) return documents
    const scope = documentId ? documents.value[0]!.meta : null
    const baseName = scope ? safeName(scope.title) : 'Lectern library'
    const labels = this.#deps.settings.get().highlightLabels
    switch (format) {
      case 'md':
        return ok(
          documents.value.map(({ meta, highlights }) => ({
            name: notebookFileName(meta),
            bytes: strToU8(markdownNotebook({ meta, highlights, labels })),
          })),
        )
      case 'w3c': {
        const annotated: AnnotatedDocument[] = documents.value
        const collection = toAnnotationCollection(annotated, labels, scope ? scope.id : 'library')
        return ok([
          {
            name: `${baseName} - annotations.jsonld`,
            bytes: strToU8(`${JSON.stringify(collection, null, 2)}\n`),
          },
        ])
      }
      case 'anki-txt':
      case 'apkg': {
        const cards = await this.#ankiCards(documents.value)
        if (!cards.ok) return cards
        return ok([
          format === 'apkg'
            ? { name: `${baseName}.apkg`, bytes: await buildApkg(cards.value, this.#deps.now()) }
            : { name: `${baseName} - Anki.txt`, bytes: strToU8(toAnkiText(cards.value)) },
        ])
      }
    }
  }

  /** Several files in one zip (the window downloads one file); one file stays as it is. */
  static bundle(files: readonly ExportedFile[], zipName: string): ExportedFile {
    if (files.length === 1) return files[0]!
    // A fixed time keeps the zip byte-identical for the same notebooks.
    const mtime = new Date('2000-01-01T00:00:00Z')
    return {
      name: zipName,
      bytes: zipSync(Object.fromEntries(files.map((file) => [file.name, [file.bytes, { mtime }]]))),
    }
  }

  async #documents(documentId?: string): Promise<Result<DocumentData[], Failure>> {
    // Title order, not recency: the same library exports to the same bytes.
    const metas = this.#deps.library
      .list()
      .filter((meta) => !documentId || meta.id === documentId)
      .sort((a, b) => a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id))
    if (documentId && metas.length === 0)
      return fail('not-found', 'That document is no longer in your library.')
    const documents: DocumentData[] = []
    for (const meta of metas) {
      const opened = await this.#deps.library.open(meta.id)
      if (!opened.ok) return opened
      const annotations = await this.#deps.annotations.load(meta.id)
      if (!annotations.ok) return fail(narrow(annotations.error.code), annotations.error.message)
      documents.push({
        meta,
        text: opened.value.content.text,
        highlights: annotations.value.highlights,
      })
    }
    return ok(documents)
  }

  async #ankiCards(documents: readonly DocumentData[]): Promise<Result<AnkiExportCard[], Failure>> {
    const result: AnkiExportCard[] = []
    for (const { meta, highlights } of documents) {
      const listed = await this.#deps.cards.list(meta.id)
      if (!listed.ok) return fail(narrow(listed.error.code), listed.error.message)
      const tagsOf = new Map(highlights.map((h) => [h.id, h.tags]))
      for (const { card } of listed.value) {
        const tags = ['lectern', ...(card.highlightId ? (tagsOf.get(card.highlightId) ?? []) : [])]
        result.push({ card, deck: ankiDeckName(meta.title), tags: [...new Set(tags)] })
      }
    }
    return ok(result)
  }
}

function safeName(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80)
      .trim() || 'Untitled'
  )
}

/** Failures of the services an export reads from, as the export reports them. */
function narrow(code: string): Failure {
  return code === 'storage-failed' || code === 'read-only' ? code : 'not-found'
}
