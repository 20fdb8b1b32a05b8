import type { WebPreferences } from 'electron'

/**
 * The only webPreferences Lectern creates windows with: the renderer is untrusted, isolated,
 * sandboxed, without Node, and reaches main only through the preload's contract.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A middle click on a link must not open a window (Electronegativity's AUXCLICK check).
    disableBlinkFeatures: 'Auxclick',
  }
}

/** True when preferences keep every guarantee above; checked for every web contents created. */
export function isSecure(preferences: WebPreferences): boolean {
  return (
    preferences.contextIsolation === true &&
    preferences.sandbox === true &&
    preferences.nodeIntegration !== true &&
    preferences.nodeIntegrationInSubFrames !== true &&
    preferences.webviewTag !== true &&
    preferences.webSecurity !== false &&
    preferences.allowRunningInsecureContent !== true
  )
}
