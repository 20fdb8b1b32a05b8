import { app, dialog } from 'electron'
import { join, resolve } from 'node:path'
import { findLecternLink, formatLecternLink, lecternScheme } from '../shared/links/lectern-link'
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
  // lectern:// links open the app at a passage. In development the OS must start Electron
  // with the app's folder; a packaged app registers itself.
  if (process.defaultApp && process.argv[1])
    app.setAsDefaultProtocolClient(lecternScheme, process.execPath, [resolve(process.argv[1])])
  else app.setAsDefaultProtocolClient(lecternScheme)
  let started: { focus: () => void; openLink: (link: string) => void } | null = null
  const waitingLinks: string[] = []
  const openLink = (link: string) => (started ? started.openLink(link) : waitingLinks.push(link))
  const linkIn = (argv: readonly string[]) => {
    const link = findLecternLink(argv)
    return link ? formatLecternLink(link) : null
  }
  // Windows and Linux pass a link as an argument: to a second instance, or at first start.
  app.on('second-instance', (_event, argv) => {
    const link = linkIn(argv)
    if (link) openLink(link)
    started?.focus()
  })
  // macOS delivers links as an event, possibly before the app is ready.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    openLink(url)
    started?.focus()
  })
  const firstLink = linkIn(process.argv)
  if (firstLink) waitingLinks.push(firstLink)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(() => start(dataDir))
    .then((running) => {
      started = running
      for (const link of waitingLinks.splice(0)) running.openLink(link)
    })
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Lectern could not start',
        error instanceof Error ? error.message : String(error),
      )
      app.exit(1)
    })
}
