import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chooseAppPageUrl } from './app-page-url'
import { isSecure, secureWebPreferences } from './secure-web-preferences'

/** The URL of the app page: the local dev server in development, the built file otherwise. */
export function appPageUrl(): string {
  return chooseAppPageUrl({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    builtPageUrl: pathToFileURL(join(__dirname, '../renderer/index.html')).toString(),
  })
}

/** Opens the reading window with the secure preferences (app.ts guards its navigation). */
export function createMainWindow(): BrowserWindow {
  const webPreferences = secureWebPreferences(join(__dirname, '../preload/index.js'))
  if (!isSecure(webPreferences))
    throw new Error('Refusing to open a window without secure preferences')
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Lectern',
    backgroundColor: '#fbfaf7',
    webPreferences,
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appPageUrl())
  return window
}
