import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { CardContent } from '../../src/shared/model'
import type { Services } from '../../src/main/services/create-services'
import { ReviewLog } from '../../src/main/services/review-log'

/** What a reader would find in a library: documents, their highlights and cards, the log. */
export interface LibrarySnapshot {
  readonly isReadOnly: boolean
  readonly hasLibraryFile: boolean
  readonly documents: readonly SnapshotDocument[]
  /** Document id → its highlights, in file order. */
  readonly highlights: Readonly<Record<string, readonly SnapshotHighlight[]>>
  /** Document id → its cards. */
  readonly cards: Readonly<Record<string, readonly { id: string; content: CardContent }[]>>
  /** Document id → why its highlights or cards could not be read. */
  readonly errors: Readonly<Record<string, string>>
  readonly reviews: number
  readonly reviewIds: readonly string[]
  /** The store's notices: "Recovered from a backup", … */
  readonly notices: readonly string[]
  readonly noticeMessages: readonly string[]
  /** Names in trash/. */
  readonly trash: readonly string[]
  /** Paths (below the data folder) of files set aside as `*.corrupt-*`. */
  readonly corrupt: readonly string[]
  /** Names in documents/. */
  readonly documentFolders: readonly string[]
}

export interface SnapshotDocument {
  readonly id: string
  readonly title: string
  readonly format: string
  /** The revision library.json names, and the one its content.json holds (null: unreadable). */
  readonly revisionId: string
  readonly contentRevisionId: string | null
  readonly textLength: number | null
  readonly openError?: string
}

export interface SnapshotHighlight {
  readonly id: string
  readonly exact: string
  readonly note: string
  readonly tags: readonly string[]
  readonly status: string
}

/** An action the `act` child applies; the tests' property runs and concurrent writers use it. */
export type LibraryAction =
  | { kind: 'import'; fileName: string; text: string }
  | { kind: 'highlight'; documentId: string; start: number; end: number }
  | { kind: 'note'; documentId: string; highlightId: string; note: string; tags: string[] }
  | { kind: 'delete-highlight'; documentId: string; highlightId: string }
  | { kind: 'card'; documentId: string; highlightId: string | null; front: string; back: string }
  | { kind: 'review'; documentId: string; cardId: string }
  | { kind: 'import-w3c'; json: string }
  | { kind: 'import-anki'; documentId: string; text: string }
  | { kind: 'snapshot'; dataDir: string }

async function namesIn(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => [] as string[])
}

async function corruptFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.name.includes('.corrupt-'))
    .map((entry) => relative(dataDir, join(entry.parentPath, entry.name)))
    .sort()
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Reads everything a reader could see, through the services as the app does. */
export async function takeSnapshot(services: Services, dataDir: string): Promise<LibrarySnapshot> {
  const documents: SnapshotDocument[] = []
  const highlights: Record<string, SnapshotHighlight[]> = {}
  const cards: Record<string, { id: string; content: CardContent }[]> = {}
  const errors: Record<string, string> = {}
  for (const meta of services.library.list()) {
    let opened: Awaited<ReturnType<Services['library']['open']>> | null = null
    let openError: string | undefined
    try {
      opened = await services.library.open(meta.id)
      if (!opened.ok) openError = opened.error.message
    } catch (error) {
      openError = describeError(error)
    }
    const contentRevisionId = await services.store
      .content(meta.id, meta.title)
      .then((file) => file?.data.revision.id ?? null)
      .catch(() => null)
    documents.push({
      id: meta.id,
      title: meta.title,
      format: meta.format,
      revisionId: meta.revision.id,
      contentRevisionId,
      textLength: opened?.ok ? opened.value.content.text.length : null,
      ...(openError ? { openError } : {}),
    })
    try {
      const loaded = await services.annotations.load(meta.id)
      if (loaded.ok)
        highlights[meta.id] = loaded.value.highlights.map((h) => ({
          id: h.id,
          exact: h.selectors.quote.exact,
          note: h.note,
          tags: [...h.tags],
          status: h.status,
        }))
      else errors[meta.id] = loaded.error.message
    } catch (error) {
      errors[meta.id] = describeError(error)
    }
    try {
      const listed = await services.cards.list(meta.id)
      if (listed.ok)
        cards[meta.id] = listed.value.map(({ card }) => ({ id: card.id, content: card.content }))
      else errors[meta.id] = listed.error.message
    } catch (error) {
      errors[meta.id] = describeError(error)
    }
  }
  let reviewIds: string[] = []
  try {
    reviewIds = (await new ReviewLog(services.store).entries()).map((entry) => entry.id)
  } catch (error) {
    errors['(reviews)'] = describeError(error)
  }
  return {
    isReadOnly: services.store.isReadOnly,
    hasLibraryFile: (await namesIn(dataDir)).includes('library.json'),
    documents,
    highlights,
    cards,
    errors,
    reviews: reviewIds.length,
    reviewIds,
    notices: services.store.notices.map((notice) => notice.title),
    noticeMessages: services.store.notices.map((notice) => notice.message),
    trash: (await namesIn(join(dataDir, 'trash'))).sort(),
    corrupt: await corruptFiles(dataDir),
    documentFolders: (await namesIn(join(dataDir, 'documents'))).sort(),
  }
}
