import { describe, expect, it } from 'vitest'
import { isAppFrame } from '../../../../src/main/ipc/register-ipc'
import { chooseAppPageUrl, isAppPage } from '../../../../src/main/windows/app-page-url'

const builtPageUrl = 'file:///opt/lectern/out/renderer/index.html'
const devServerUrl = 'http://localhost:5173'

describe('chooseAppPageUrl', () => {
  it('uses the dev server electron-vite dev announces when the app is not packaged', () => {
    expect(chooseAppPageUrl({ isPackaged: false, devServerUrl, builtPageUrl })).toBe(devServerUrl)
    for (const local of ['http://127.0.0.1:5173/', 'https://[::1]:5173/']) {
      expect(chooseAppPageUrl({ isPackaged: false, devServerUrl: local, builtPageUrl })).toBe(local)
    }
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(chooseAppPageUrl({ isPackaged: true, devServerUrl, builtPageUrl })).toBe(builtPageUrl)
  })

  it('uses the built page when no dev server is named', () => {
    for (const none of [undefined, '']) {
      expect(chooseAppPageUrl({ isPackaged: false, devServerUrl: none, builtPageUrl })).toBe(
        builtPageUrl,
      )
    }
  })

  it('never makes a page on another machine, a file or a malformed URL the app page', () => {
    for (const foreign of [
      'https://evil.example/',
      'http://localhost.evil.example:5173/',
      'http://192.168.1.20:5173/',
      'file:///tmp/page.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(chooseAppPageUrl({ isPackaged: false, devServerUrl: foreign, builtPageUrl })).toBe(
        builtPageUrl,
      )
    }
  })

  it('keeps a page named by the environment from passing the IPC sender check in a packaged app', () => {
    const appUrl = chooseAppPageUrl({
      isPackaged: true,
      devServerUrl: 'https://evil.example/',
      builtPageUrl,
    })
    expect(isAppFrame('https://evil.example/', true, appUrl)).toBe(false)
    expect(isAppFrame(builtPageUrl, true, appUrl)).toBe(true)
  })
})

describe('isAppPage', () => {
  it('takes the app page with any query or fragment for the app page', () => {
    for (const url of [builtPageUrl, `${builtPageUrl}?doc=1`, `${builtPageUrl}#notes`]) {
      expect(isAppPage(url, builtPageUrl)).toBe(true)
    }
    expect(isAppPage('http://localhost:5173/?x=1', devServerUrl)).toBe(true)
  })

  it('refuses another path, another origin and a malformed URL', () => {
    for (const other of [
      'file:///opt/lectern/out/renderer/other.html',
      'file:///tmp/index.html',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'not a url',
      '',
    ]) {
      expect(isAppPage(other, other.startsWith('http') ? devServerUrl : builtPageUrl)).toBe(false)
    }
    expect(isAppPage(builtPageUrl, 'not a url')).toBe(false)
  })
})
