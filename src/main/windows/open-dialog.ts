import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { dialog, type BrowserWindow } from 'electron'

/** What File → Open… offers: the formats Lectern imports. */
const filters = [
  {
    name: 'Documents',
    extensions: ['txt', 'text', 'md', 'markdown', 'mdown', 'html', 'htm', 'epub'],
  },
]

/**
 * Shows the system's open dialog and reads the chosen files. Main does this because a page may
 * only open a file chooser from a click inside it, never from a menu.
 */
export async function chooseFilesToImport(
  window: BrowserWindow,
): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const { canceled, filePaths } = await dialog.showOpenDialog(window, {
    title: 'Import into Lectern',
    properties: ['openFile', 'multiSelections'],
    filters,
  })
  if (canceled) return []
  const files: { fileName: string; bytes: Uint8Array }[] = []
  const unreadable: string[] = []
  for (const path of filePaths) {
    try {
      files.push({ fileName: basename(path), bytes: await readFile(path) })
    } catch (error) {
      unreadable.push(`${basename(path)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
  }
  if (unreadable.length > 0)
    void dialog.showMessageBox(window, {
      type: 'warning',
      message: 'Some files could not be read',
      detail: `Lectern could not read: ${unreadable.join(', ')}. Nothing of them was imported.`,
    })
  return files
}
