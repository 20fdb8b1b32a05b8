import { app, dialog, ipcMain, Menu, shell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { Events } from '../shared/ipc/contract'
import { createHandlers } from './ipc/handlers'
import { createDispatch } from './ipc/dispatch'
import { isAppFrame, registerIpc } from './ipc/register-ipc'
import { createServices } from './services/create-services'
import { buildMenuTemplate } from './windows/application-menu'
import { appPageUrl, createMainWindow } from './windows/main-window'
import { guardNavigation } from './windows/navigation-guards'

/** Where bundled resources live: beside the app in a package, in the repo in development. */
function resourcesDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : join(app.getAppPath(), 'resources')
}

/** The composition root: services over the data dir, IPC, menu and the window. */
export async function start(dataDir: string): Promise<{ focus: () => void }> {
  // Every web contents, not just the main window's, gets the navigation guards.
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, appPageUrl, (url) => void shell.openExternal(url))
  })
  const services = await createServices({ dataDir, resourcesDir: resourcesDir() })
  const dispatch = createDispatch(
    createHandlers({ services, openExternal: (url) => shell.openExternal(url) }),
  )
  registerIpc(ipcMain, dispatch, (event) =>
    isAppFrame(event.senderFrame?.url, event.senderFrame === event.sender.mainFrame, appPageUrl()),
  )
  let window: BrowserWindow = createMainWindow()
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
        onShowShortcuts: () =>
          window.webContents.send('showShortcuts' satisfies keyof Events, null),
        onOpenFiles: () => window.webContents.send('openFiles' satisfies keyof Events, null),
        onUndo: () => window.webContents.send('undo' satisfies keyof Events, null),
        onRedo: () => window.webContents.send('redo' satisfies keyof Events, null),
      }),
    ),
  )
  app.on('activate', () => {
    if (window.isDestroyed()) window = createMainWindow()
  })
  return {
    focus: () => {
      if (window.isDestroyed()) window = createMainWindow()
      if (window.isMinimized()) window.restore()
      window.focus()
    },
  }
}
