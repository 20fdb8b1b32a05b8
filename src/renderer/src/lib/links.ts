import { parseExternalUrl } from '../../../shared/links/external-url'

/** The in-page event the Import… buttons raise: the window shows its file chooser. */
export const chooseFilesEvent = 'lectern-choose-files'

/** The in-page event a note's `lectern://` link raises; its detail is the link. */
export const openLinkEvent = 'lectern-open-link'

/** Saves bytes as a file through the browser's download (Electron asks where). */
export function saveFile(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart]))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = name
  anchor.click()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * Opens a link of the text in the system browser, after checking its address again here: only
 * https: and mailto: addresses are ever handed on (main checks them a third time). False when
 * the address is refused.
 */
export function openTextLink(href: string, open: (url: string) => unknown): boolean {
  const url = parseExternalUrl(href)
  if (!url) return false
  void open(url)
  return true
}
