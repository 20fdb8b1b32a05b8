import { basename } from 'node:path'
import { dialog, type BrowserWindow } from 'electron'
import { importableExtensions } from '../../shared/importing/import-formats'
import { readImportFile } from '../importing/read-import-file'

/** What File → Open… offers: the formats Lectern imports. */
const filters = [{ name: 'Documents', extensions: [...importableExtensions] }]

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
    // Bounded before it is read: a pipe, a device or a huge file is refused with a sentence.
    const read = await readImportFile(path)
    if (read.ok) files.push({ fileName: basename(path), bytes: read.value })
    else unreadable.push(read.error.message)
  }
  if (unreadable.length > 0)
    void dialog.showMessageBox(window, {
      type: 'warning',
      message: 'Some files could not be read',
      detail: `${unreadable.join('\n')}\nNothing of them was imported.`,
    })
  return files
}
