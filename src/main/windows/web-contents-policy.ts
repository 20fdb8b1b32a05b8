import type { App, WebContents, WebPreferences } from 'electron'
import { isAppPage } from './app-page-url'
import { guardNavigation } from './navigation-guards'
import { isSecure } from './secure-web-preferences'

/**
 * The parts of a web contents the policy uses: a test can pass a stand-in. Electron keeps
 * `getLastWebPreferences` out of its typings, so it is read as optional.
 */
export type PolicedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'close'> & {
  readonly getLastWebPreferences?: () => WebPreferences | null
}

/** The part of Electron's `app` that announces new web contents. */
export interface ContentsSource {
  on(
    event: 'web-contents-created',
    listener: (event: unknown, contents: PolicedContents) => void,
  ): unknown
}

/**
 * Applies the policy to every web contents the app ever creates, not only the main window's:
 * one without the secure preferences is closed before it loads anything; the rest get the
 * navigation guards (in-app navigation only to the app page, window.open denied, safe links to
 * the system browser).
 */
export function policeEveryWebContents(
  app: ContentsSource | App,
  appUrl: () => string,
  openExternal: (url: string) => void,
  log: (message: string) => void = console.error,
): void {
  ;(app as ContentsSource).on('web-contents-created', (_event, contents) => {
    const preferences = contents.getLastWebPreferences?.() ?? null
    // Without the method (a future Electron), windows are still only made by createMainWindow,
    // which refuses insecure preferences; window.open and webviews are denied below.
    if (preferences && !isSecure(preferences)) {
      log('Closed a web contents created without the secure preferences.')
      contents.close()
      return
    }
    guardNavigation(contents as unknown as WebContents, appUrl, openExternal)
  })
}

/** Permissions a page may have: writing to the clipboard ("Copy link"), from the app page only. */
const allowedPermissions = new Set(['clipboard-sanitized-write'])

/**
 * Decides a page's permission request (camera, notifications, geolocation, …): everything is
 * refused except the clipboard write that "Copy link" needs, and that only for the app's page.
 */
export function decidePermission(
  permission: string,
  requestingUrl: string,
  appUrl: string,
): boolean {
  return allowedPermissions.has(permission) && isAppPage(requestingUrl, appUrl)
}
