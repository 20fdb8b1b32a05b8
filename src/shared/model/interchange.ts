/** The formats Lectern exports to. */
export const exportFormats = ['md', 'w3c', 'anki-txt', 'apkg'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** An exported file as the window receives it, to save where the reader chooses. */
export interface ExportedFile {
  readonly name: string
  readonly bytes: Uint8Array
}

/** One annotation an import changed or refused, and why, in the reader's words. */
export interface AnnotationImportNote {
  /** The annotation, as the reader would recognise it: the start of its quote. */
  readonly annotation: string
  readonly message: string
}

/** What an annotation import did. */
export interface AnnotationImportReport {
  readonly created: number
  readonly updated: number
  /** Annotations already in the library exactly as the file has them (a repeated import). */
  readonly unchanged: number
  /** Annotations older than (or as old as) the library's own copy, which was kept. */
  readonly keptNewer: number
  /** Annotations whose passage no document in the library has. */
  readonly unmatched: number
  /** Annotations Lectern cannot anchor (no quote of text). */
  readonly skipped: number
  /** Annotations not looked for: the import stopped at its time limit (importing again tries them). */
  readonly notSearched: number
  /** Annotations kept with a change (a tag cut, a date replaced, a new id), each with what. */
  readonly adjusted: readonly AnnotationImportNote[]
  /** Annotations not imported because Lectern cannot keep them as they are, each with why. */
  readonly refused: readonly AnnotationImportNote[]
  readonly documents: readonly {
    readonly id: string
    readonly title: string
    readonly count: number
  }[]
}

/** What an Anki import did. */
export interface AnkiImportReport {
  readonly created: number
  readonly updated: number
  /** Notes that could not become cards, with the line they start on and why. */
  readonly skipped: readonly { readonly line: number; readonly reason: string }[]
}

/** A backup archive of the whole library. */
export interface BackupInfo {
  readonly name: string
  readonly path: string
  readonly sizeBytes: number
  readonly kind: 'manual' | 'daily'
  readonly createdAt: string
}

/** Where a `lectern://` link leads, checked against the library. */
export interface LinkTarget {
  readonly link: string
  readonly documentId: string | null
  readonly highlightId: string | null
  /** Why the passage cannot be shown (gone), in the reader's words; null when it can. */
  readonly problem: string | null
}
