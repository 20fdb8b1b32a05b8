import { app, dialog, ipcMain, Menu, session, shell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { Events } from '../shared/ipc/contract'
import { createHandlers } from './ipc/handlers'
import { createDispatch } from './ipc/dispatch'
import { isAppFrame, registerIpc } from './ipc/register-ipc'
import { createServices } from './services/create-services'
import { buildMenuTemplate } from './windows/application-menu'
import { appPageUrl, createMainWindow } from './windows/main-window'
import { decidePermission, policeEveryWebContents } from './windows/web-contents-policy'
import { chooseFilesToImport } from './windows/open-dialog'

/** How often the app checks whether today's automatic backup is written. */
const dailyBackupCheckMs = 60 * 60 * 1000

/** Where bundled resources live: beside the app in a package, in the repo in development. */
function resourcesDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : join(app.getAppPath(), 'resources')
}

/** The composition root: services over the data dir, IPC, menu and the window. */
export async function start(
  dataDir: string,
): Promise<{ focus: () => void; openLink: (link: string) => void }> {
  // Every web contents, not just the main window's: secure preferences or closed, then guarded.
  policeEveryWebContents(app, appPageUrl, (url) => void shell.openExternal(url))
  // No page gets a permission (camera, notifications…) but the clipboard write of "Copy link".
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(
      decidePermission(permission, details.requestingUrl || contents.getURL(), appPageUrl()),
    ),
  )
  session.defaultSession.setPermissionCheckHandler((contents, permission, _origin, details) =>
    decidePermission(permission, details.requestingUrl ?? contents?.getURL() ?? '', appPageUrl()),
  )
  const services = await createServices({
    dataDir,
    resourcesDir: resourcesDir(),
    // Built beside index.js: imported files are parsed off main's thread.
    importWorker: { path: join(__dirname, 'importWorker.js') },
  })
  const chosenFiles: { fileName: string; bytes: Uint8Array }[] = []
  const dispatch = createDispatch(
    createHandlers({
      services,
      openExternal: (url) => shell.openExternal(url),
      takeChosenFiles: () => chosenFiles.splice(0),
    }),
  )
  registerIpc(ipcMain, dispatch, (event) =>
    isAppFrame(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame, appPageUrl()),
  )
  let window: BrowserWindow = createMainWindow()
  const send = (name: keyof Events) => window.webContents.send(name, null)
  services.links.onReceive(() => send('openLink'))
  const backUpDaily = () =>
    void services.backups.runDaily().then((result) => {
      if (!result.ok) console.error(`Daily backup failed: ${result.error.message}`)
    })
  // A library another Lectern holds is only read here: no backups from this one either.
  const dailyBackups = services.store.isReadOnly
    ? undefined
    : setInterval(backUpDaily, dailyBackupCheckMs).unref()
  if (dailyBackups) backUpDaily()
  // Before the app exits: no more backups, the search index's pending save written, journaled
  // saves folded into their files and the library's lock released (services.close).
  let isClosed = false
  app.on('will-quit', (event) => {
    if (isClosed) return
    event.preventDefault()
    clearInterval(dailyBackups)
    void services.close().finally(() => {
      isClosed = true
      app.quit()
    })
  })
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: app.getName(),
        isMac: process.platform === 'darwin',
        isDev: !app.isPackaged,
        onAbout: () =>
          void dialog.showMessageBox(window, {
            title: 'About Lectern',
            message: `Lectern ${app.getVersion()}`,
            detail: `A local-first app for reading, annotating and studying.\nData folder: ${dataDir}`,
          }),
        onShowShortcuts: () => send('showShortcuts'),
        onOpenFiles: () =>
          void chooseFilesToImport(window).then((files) => {
            if (files.length === 0) return
            chosenFiles.push(...files)
            send('openFiles')
          }),
        onExport: () => send('showExport'),
        onBackUp: () => send('backUpNow'),
        onCheckLibrary: () => send('checkLibrary'),
        onUndo: () => send('undo'),
        onRedo: () => send('redo'),
      }),
    ),
  )
  app.on('activate', () => {
    if (window.isDestroyed()) window = createMainWindow()
  })
  return {
    openLink: (link) => void services.links.receive(link),
    focus: () => {
      if (window.isDestroyed()) window = createMainWindow()
      if (window.isMinimized()) window.restore()
      window.focus()
    },
  }
}
