import type { RequestResult, RequestName } from '../../../shared/ipc/contract'
import {
  defaultSettings,
  settingsLimits,
  type DocumentMeta,
  type LinkTarget,
  type Notice,
  type OpenedDocument,
  type Settings,
  type Theme,
} from '../../../shared/model'
import { api } from './api'
import { formatBytes } from './format'

/** Where to take the reader in a document: a highlight, or a passage of the text. */
export type FocusTarget =
  { readonly highlightId: string } | { readonly start: number; readonly end: number }

const themeOrder: readonly Theme[] = ['light', 'sepia', 'dark']

/** The app's state and the actions that change it; components read it and call its methods. */
export class AppState {
  settings = $state<Settings>(defaultSettings)
  documents = $state.raw<DocumentMeta[]>([])
  notices = $state<Notice[]>([])
  opened = $state.raw<OpenedDocument | null>(null)
  view = $state<'loading' | 'library' | 'reader' | 'positions' | 'compare' | 'review' | 'stats'>(
    'loading',
  )
  isComparePickerOpen = $state(false)
  /** The two documents of the side-by-side view. */
  compare = $state<{ leftId: string; rightId: string } | null>(null)
  /** A highlight or passage to show (and flash) once the reader opens. */
  focusRequest = $state<FocusTarget | null>(null)
  isSearchOpen = $state(false)
  /** The last failure to show the reader, in their words. */
  problem = $state<string | null>(null)
  isShortcutsOpen = $state(false)
  isExportOpen = $state(false)
  isCheckOpen = $state(false)
  /** A short confirmation ("Backed up to …"), shown until dismissed. */
  status = $state<string | null>(null)
  /** An import in progress: files done of all, and whether the reader asked to stop. */
  importProgress = $state<{
    done: number
    total: number
    current: string
    isCancelled: boolean
  } | null>(null)

  /** Loads settings, notices and the library, then reopens the last document read. */
  async start(): Promise<void> {
    const [settings, notices, documents] = await Promise.all([
      api.getSettings(),
      api.getStartupNotices(),
      api.listDocuments(),
    ])
    if (settings.ok) this.settings = settings.value
    if (notices.ok) this.notices = notices.value
    if (!documents.ok) return this.#report(documents)
    this.documents = documents.value
    const latest = documents.value[0]
    if (latest) await this.openDocument(latest.id)
    else this.view = 'library'
    // The app may have been started by a lectern:// link.
    await this.takeOpenedLinks()
  }

  /** Shows the passages of `lectern://` links that arrived from outside. */
  async takeOpenedLinks(): Promise<void> {
    const links = await api.takeOpenedLinks()
    if (!links.ok) return this.#report(links)
    const last = links.value.at(-1)
    if (last) await this.followLink(last)
  }

  /** Opens a link in a note (or from outside) at its passage, or says why it cannot. */
  async openLink(link: string): Promise<void> {
    const target = await api.resolveLink({ link })
    if (!target.ok) return this.#report(target)
    await this.followLink(target.value)
  }

  async followLink(target: LinkTarget): Promise<void> {
    if (target.documentId)
      await this.openDocument(target.documentId, target.highlightId ?? undefined)
    if (target.problem) this.problem = target.problem
  }

  /** Imports the files chosen with File → Open…. */
  async takeChosenFiles(): Promise<void> {
    const chosen = await api.takeChosenFiles()
    if (!chosen.ok) return this.#report(chosen)
    if (chosen.value.length === 0) return
    await this.importFiles(
      chosen.value.map(({ fileName, bytes }) => new File([bytes as BlobPart], fileName)),
    )
  }

  /** Writes a backup archive of the whole library now. */
  async backUpNow(): Promise<boolean> {
    const result = await api.backUpNow()
    if (!result.ok) {
      this.#report(result)
      return false
    }
    this.status = `Backed up your library to ${result.value.path} (${formatBytes(result.value.sizeBytes)}).`
    return true
  }

  /** Opens a document in the reader, at a highlight or passage if one is given. */
  async openDocument(documentId: string, target?: string | FocusTarget): Promise<void> {
    performance.mark('lectern:open-requested')
    const result = await api.openDocument({ documentId })
    // User Timing marks: DevTools and the benchmark see where opening spends its time.
    performance.mark('lectern:open-received')
    if (!result.ok) {
      this.view = 'library'
      return this.#report(result)
    }
    this.opened = result.value
    this.focusRequest = typeof target === 'string' ? { highlightId: target } : (target ?? null)
    this.view = 'reader'
  }

  /** The key positions of the open document, with its highlights as they are now. */
  async showPositions(): Promise<void> {
    const documentId = this.opened?.meta.id
    if (!documentId) return
    await this.openDocument(documentId)
    if (this.view === 'reader') this.view = 'positions'
  }

  /**
   * Imports files the reader dropped or chose, one by one; each failure is reported with the
   * file's name. Opens the last document imported.
   */
  async importFiles(files: readonly File[]): Promise<void> {
    const problems: string[] = []
    let lastImported: string | null = null
    this.importProgress = { done: 0, total: files.length, current: '', isCancelled: false }
    for (const file of files) {
      if (this.importProgress.isCancelled) {
        problems.push(
          `Import stopped: ${this.importProgress.total - this.importProgress.done} files were not imported.`,
        )
        break
      }
      this.importProgress.current = file.name
      const bytes = new Uint8Array(await file.arrayBuffer())
      const result = await api.importFile({ fileName: file.name, bytes })
      if (result.ok) lastImported = result.value.document.id
      else problems.push(result.error.message)
      this.importProgress.done++
    }
    this.importProgress = null
    const documents = await api.listDocuments()
    if (documents.ok) this.documents = documents.value
    if (problems.length > 0) this.problem = problems.join(' ')
    if (lastImported) await this.openDocument(lastImported)
    else await this.showLibrary()
  }

  /** Reads the open document beside another one, paragraphs aligned. */
  async compareWith(rightId: string): Promise<void> {
    const leftId = this.opened?.meta.id
    this.isComparePickerOpen = false
    if (!leftId) return
    await this.showLibrary()
    this.compare = { leftId, rightId }
    this.view = 'compare'
  }

  /** Stops an import after the file being imported now. */
  cancelImport(): void {
    if (this.importProgress) this.importProgress.isCancelled = true
  }

  /** Back to the library, with fresh progress figures. */
  /** After "Check library" repaired something: the library list and the open text afresh. */
  async refreshAfterRepair(): Promise<void> {
    const documents = await api.listDocuments()
    if (documents.ok) this.documents = documents.value
    const openId = this.opened?.meta.id
    if (openId && this.view === 'reader') await this.openDocument(openId)
  }

  async showLibrary(): Promise<void> {
    const documents = await api.listDocuments()
    if (documents.ok) this.documents = documents.value
    this.view = 'library'
  }

  /** Remembers the reading place of the open document. */
  async saveReadingPosition(position: {
    segmentIndex: number
    segmentFraction: number
    progress: number
  }): Promise<void> {
    const documentId = this.opened?.meta.id
    if (!documentId) return
    const result = await api.saveReadingPosition({ documentId, position })
    if (!result.ok) this.#report(result)
  }

  #settingsRequests = 0

  /**
   * Changes preferences at once on screen, then durably. Only the newest request's answer is
   * adopted, so an older answer cannot undo a newer change; after a failure the stored settings
   * are shown again.
   */
  async updateSettings(changes: Partial<Settings>): Promise<void> {
    const request = ++this.#settingsRequests
    this.settings = { ...this.settings, ...changes }
    const result = await api.updateSettings(changes)
    if (!result.ok) {
      this.#report(result)
      const stored = await api.getSettings()
      if (stored.ok && request === this.#settingsRequests) this.settings = stored.value
    } else if (request === this.#settingsRequests) {
      this.settings = result.value
    }
  }

  /** One step larger (+1) or smaller (-1) text, within the limits. */
  changeFontSize(direction: 1 | -1): Promise<void> {
    const { min, max, step } = settingsLimits.fontSize
    const fontSize = Math.min(max, Math.max(min, this.settings.fontSize + direction * step))
    return fontSize === this.settings.fontSize
      ? Promise.resolve()
      : this.updateSettings({ fontSize })
  }

  /** Light → sepia → dark → light. */
  cycleTheme(): Promise<void> {
    const next = themeOrder[(themeOrder.indexOf(this.settings.theme) + 1) % themeOrder.length]!
    return this.updateSettings({ theme: next })
  }

  /** Hides a notice for this session. */
  dismissNotice(id: string): void {
    this.notices = this.notices.filter((notice) => notice.id !== id)
  }

  #report(result: RequestResult<RequestName> & { ok: false }): void {
    this.problem = result.error.message
  }
}
