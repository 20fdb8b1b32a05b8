import { EventEmitter } from 'node:events'
import type { WebPreferences } from 'electron'
import { describe, expect, it } from 'vitest'
import { secureWebPreferences } from '../../../../src/main/windows/secure-web-preferences'
import {
  decidePermission,
  policeEveryWebContents,
  type PolicedContents,
} from '../../../../src/main/windows/web-contents-policy'

const appUrl = 'file:///opt/lectern/out/renderer/index.html'

/** A stand-in for a web contents (Electron cannot start here): records what the policy does. */
class FakeContents extends EventEmitter {
  isClosed = false
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  constructor(readonly preferences: WebPreferences | null) {
    super()
  }
  getLastWebPreferences = () => this.preferences
  setWindowOpenHandler = (handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler
  }
  close = () => {
    this.isClosed = true
  }
}

function policedApp() {
  const app = new EventEmitter()
  const opened: string[] = []
  const logged: string[] = []
  policeEveryWebContents(
    app as never,
    () => appUrl,
    (url) => opened.push(url),
    (message) => logged.push(message),
  )
  const create = (preferences: WebPreferences | null) => {
    const contents = new FakeContents(preferences)
    app.emit('web-contents-created', {}, contents as unknown as PolicedContents)
    return contents
  }
  return { create, opened, logged }
}

describe('every web contents the app creates', () => {
  it.each([
    { sandbox: false },
    { contextIsolation: false },
    { nodeIntegration: true },
    { nodeIntegrationInSubFrames: true },
    { webviewTag: true },
    { webSecurity: false },
    { allowRunningInsecureContent: true },
  ])('is closed when created with %j', (override) => {
    const { create, logged } = policedApp()
    const contents = create({ ...secureWebPreferences('/p.js'), ...override })
    expect(contents.isClosed).toBe(true)
    expect(contents.windowOpenHandler).toBeNull()
    expect(logged).toHaveLength(1)
  })

  it('with the secure preferences, is guarded: no new windows, no navigation away', () => {
    const { create, opened } = policedApp()
    const contents = create(secureWebPreferences('/p.js'))
    expect(contents.isClosed).toBe(false)
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    })
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({
      action: 'deny',
    })
    let prevented = 0
    const event = { preventDefault: () => prevented++ }
    contents.emit('will-navigate', event, 'https://evil.example/')
    contents.emit('will-navigate', event, 'javascript:alert(1)')
    contents.emit('will-redirect', event, 'file:///etc/passwd')
    contents.emit('will-attach-webview', event)
    contents.emit('will-navigate', event, appUrl)
    expect(prevented).toBe(4)
    expect(opened).toEqual(['https://example.org/', 'https://evil.example/'])
  })
})

describe('permission requests', () => {
  it('grant only the clipboard write of "Copy link", and only to the app page', () => {
    expect(decidePermission('clipboard-sanitized-write', appUrl, appUrl)).toBe(true)
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example/', appUrl)).toBe(
      false,
    )
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
    ])
      expect(decidePermission(permission, appUrl, appUrl)).toBe(false)
    expect(decidePermission('clipboard-sanitized-write', 'not a url', appUrl)).toBe(false)
  })
})
