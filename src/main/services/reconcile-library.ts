import type { DocumentMeta, Notice } from '../../shared/model'
import type { DataStore } from '../store/data-store'
import type { ContentFile, DocumentFile } from '../store/schema'

/**
 * Brings library.json and the document folders into agreement at start, without ever moving or
 * deleting a folder: unlisted folders are listed again, a listed document whose folder describes
 * a newer revision (a revision cut short between its files) takes that description, and folders
 * from before document.json existed get one. Returns what the reader should be told.
 */
export async function reconcileLibrary(store: DataStore): Promise<Notice[]> {
  if (store.library.isReadOnly) return []
  const notices: Notice[] = []
  const relisted = await relistDocumentFolders(store)
  if (relisted) notices.push(relistNotice(relisted))
  const updated: DocumentMeta[] = []
  for (const meta of store.library.data.documents) {
    const described = await store.readDocumentFile(meta.id)
    const agrees =
      described?.document.revision.id === meta.revision.id &&
      !(await store.isTextNewerThanDescription(meta.id))
    if (agrees) continue
    // The text is the truth about the revision; reading it is needed only here (rarely).
    const content = await store.content(meta.id, meta.title).catch(() => null)
    const adopted =
      content && content.data.revision.id !== meta.revision.id
        ? adoptTextRevision(meta, content.data, described)
        : meta
    if (adopted !== meta) updated.push(adopted)
    await store.saveDocumentFile(withoutPlace(adopted)).catch(() => undefined)
  }
  if (updated.length > 0) {
    const byId = new Map(updated.map((doc) => [doc.id, doc]))
    await store.library.update((library) => {
      library.documents = library.documents.map((doc) => byId.get(doc.id) ?? doc)
    })
    notices.push({
      id: 'reconciled-revisions',
      level: 'warning',
      title: 'A new version was completed',
      message: `Lectern was stopped while it saved a new version of ${updated.map((doc) => `“${doc.title}”`).join(', ')}; the new version is now listed, and its highlights are checked when you open it.`,
    })
  }
  return notices
}

/**
 * The library entry of a document whose stored text has another revision than the entry names
 * (a new version cut short between its files): the folder's description when it describes that
 * text, else the entry with the text's revision and word count.
 */
export function adoptTextRevision(
  meta: DocumentMeta,
  content: ContentFile,
  described: DocumentFile | null,
): DocumentMeta {
  const place = meta.readingPosition ? { readingPosition: meta.readingPosition } : {}
  if (described && described.document.revision.id === content.revision.id)
    return { ...described.document, ...place }
  return {
    ...meta,
    revision: content.revision,
    wordCount: content.text.split(/\s+/).filter(Boolean).length,
  }
}

/** A library entry without the reader's place: what a folder's document.json holds. */
export function withoutPlace(meta: DocumentMeta): Omit<DocumentMeta, 'readingPosition'> {
  const { readingPosition: _place, ...rest } = meta
  return rest
}

/** What relisting found: the documents listed again, and what could not be. */
export interface RelistReport {
  readonly relisted: readonly DocumentMeta[]
  /** Folders with no readable text: left exactly as they are. */
  readonly unreadable: readonly string[]
}

/**
 * Lists again every document folder that library.json does not list. A folder is never moved or
 * deleted for being unlisted: it is an import cut short before the library was told, or the
 * trace of a damaged or lost library.json. Its entry comes from the folder's own description
 * (document.json), else from its text. Returns null when there was nothing to do. Nothing is
 * written when the library is read-only.
 */
export async function relistDocumentFolders(store: DataStore): Promise<RelistReport | null> {
  const listed = new Set(store.library.data.documents.map((doc) => doc.id))
  const unlisted = (await store.documentFolders()).filter((id) => !listed.has(id))
  if (unlisted.length === 0 || store.library.isReadOnly) return null
  const relisted: DocumentMeta[] = []
  const unreadable: string[] = []
  for (const id of unlisted) {
    const described = await store.readDocumentFile(id)
    const content = await store.content(id, described?.document.title ?? id).catch(() => null)
    if (!content) {
      unreadable.push(id)
      continue
    }
    const meta = described?.document ?? describeFromText(id, content.data)
    // The text is the truth about which revision the folder holds.
    relisted.push({ ...meta, revision: content.data.revision })
  }
  if (relisted.length > 0)
    await store.library.update((library) => {
      library.documents.push(...relisted)
    })
  return { relisted, unreadable }
}

/** The notice that tells the reader what relisting did. */
export function relistNotice(report: RelistReport): Notice {
  const titles = report.relisted.slice(0, 3).map((doc) => `“${doc.title}”`)
  const more = report.relisted.length > 3 ? ` and ${report.relisted.length - 3} more` : ''
  const unreadable =
    report.unreadable.length > 0
      ? `${report.unreadable.map((id) => `documents/${id}`).join(', ')} ${report.unreadable.length === 1 ? 'holds' : 'hold'} no readable text; Lectern left ${report.unreadable.length === 1 ? 'it' : 'them'} as ${report.unreadable.length === 1 ? 'it is' : 'they are'}.`
      : ''
  if (report.relisted.length === 0)
    return {
      id: 'unlisted-folders',
      level: 'error',
      title: 'Unreadable document folders',
      message: unreadable,
    }
  return {
    id: 'relisted-documents',
    level: 'warning',
    title: 'Documents listed again',
    message: `Your library did not list ${report.relisted.length} ${report.relisted.length === 1 ? 'document' : 'documents'} whose folders are in the data folder (${titles.join(', ')}${more}); Lectern listed them again with their highlights and cards.${unreadable ? ` ${unreadable}` : ''}`,
  }
}

/** A library entry from a document's text alone: its title block, or its first line. */
function describeFromText(id: string, content: ContentFile): DocumentMeta {
  const titleBlock = content.segments.find((segment) => segment.kind === 'title')
  const firstLine = content.text.trim().split('\n')[0] ?? ''
  const title = (
    titleBlock ? content.text.slice(titleBlock.start, titleBlock.end) : firstLine
  ).trim()
  return {
    id,
    title: title.length > 0 ? title.slice(0, 200) : 'Untitled document',
    language: 'und',
    format: 'text',
    importedAt: content.revision.createdAt,
    revision: content.revision,
    wordCount: content.text.split(/\s+/).filter(Boolean).length,
  }
}
