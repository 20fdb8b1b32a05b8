import { parseLecternLink } from '../../shared/links/lectern-link'
import type { LinkTarget } from '../../shared/model'
import type { AnnotationService } from './annotation-service'
import type { LibraryService } from './library-service'

/**
 * `lectern://` links from outside (the OS, a command line, a note): kept until the window takes
 * them, and checked against the library so the window can show the passage or say it is gone.
 */
export class LinkService {
  readonly #library: LibraryService
  readonly #annotations: AnnotationService
  readonly #pending: string[] = []
  #listener: (() => void) | null = null

  constructor(library: LibraryService, annotations: AnnotationService) {
    this.#library = library
    this.#annotations = annotations
  }

  /** Queues a link; false when it is not a Lectern link at all (nothing is queued). */
  receive(text: string): boolean {
    if (!parseLecternLink(text)) return false
    this.#pending.push(text)
    this.#listener?.()
    return true
  }

  /** Called when a link arrives, so main can tell the window. */
  onReceive(listener: () => void): void {
    this.#listener = listener
  }

  /** The links waiting for the window, resolved; each is handed out once. */
  async take(): Promise<LinkTarget[]> {
    const links = this.#pending.splice(0)
    return Promise.all(links.map((link) => this.resolve(link)))
  }

  /** Where a link leads in the library as it is now. */
  async resolve(link: string): Promise<LinkTarget> {
    const parsed = parseLecternLink(link)
    const gone = (problem: string, documentId: string | null = null): LinkTarget => ({
      link,
      documentId,
      highlightId: null,
      problem,
    })
    if (!parsed) return gone('This is not a Lectern link.')
    const meta = this.#library.list().find((doc) => doc.id === parsed.documentId)
    if (!meta) return gone('The document this link points to is no longer in your library.')
    if (!parsed.highlightId) return { link, documentId: meta.id, highlightId: null, problem: null }
    const annotations = await this.#annotations.load(meta.id)
    const highlight = annotations.ok
      ? annotations.value.highlights.find((h) => h.id === parsed.highlightId)
      : undefined
    if (!highlight)
      return gone(`The highlight this link points to was deleted from “${meta.title}”.`, meta.id)
    if (highlight.status === 'orphan')
      return gone(
        `The passage this link points to is no longer in the text of “${meta.title}”.`,
        meta.id,
      )
    return { link, documentId: meta.id, highlightId: highlight.id, problem: null }
  }
}
