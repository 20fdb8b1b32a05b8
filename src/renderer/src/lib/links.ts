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
