import { app, dialog } from 'electron'
import { join } from 'node:path'
import { resolveDataDir } from './data-dir'
import { start } from './app'

// Process concerns only: one instance per user, the data dir, then the composition root.
app.setName('Lectern')
if (!app.requestSingleInstanceLock()) {
  // The first instance receives our arguments through 'second-instance' and focuses itself.
  app.quit()
} else {
  const dataDir = resolveDataDir(
    process.argv,
    process.env,
    join(app.getPath('userData'), 'library'),
  )
  let focus: (() => void) | null = null
  app.on('second-instance', () => focus?.())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(() => start(dataDir))
    .then((started) => {
      focus = started.focus
    })
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Lectern could not start',
        error instanceof Error ? error.message : String(error),
      )
      app.exit(1)
    })
}
