import { describe, expect, it } from 'vitest'
import { parseExternalUrl } from '../../../../src/shared/links/external-url'
import { decideNavigation, decideWindowOpen } from '../../../../src/main/windows/navigation-guards'
import { isSecure, secureWebPreferences } from '../../../../src/main/windows/secure-web-preferences'
import { contentSecurityPolicy } from '../../../../src/shared/security/content-security-policy'

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer, without Node or webviews', () => {
    const preferences = secureWebPreferences('/app/preload.js')
    expect(preferences).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    })
    expect(isSecure(preferences)).toBe(true)
  })

  it.each([
    { sandbox: false },
    { contextIsolation: false },
    { nodeIntegration: true },
    { webviewTag: true },
    { webSecurity: false },
  ])('calls preferences with %j insecure', (override) => {
    expect(isSecure({ ...secureWebPreferences('/p.js'), ...override })).toBe(false)
  })
})

describe('navigation guards', () => {
  const appUrl = 'file:///opt/lectern/out/renderer/index.html'

  it('allows reloading the app page and nothing else inside the window', () => {
    expect(decideNavigation(appUrl, appUrl)).toEqual({ action: 'allow' })
    expect(decideNavigation('file:///etc/passwd', appUrl)).toEqual({ action: 'deny' })
    expect(decideNavigation('http://example.com/', appUrl)).toEqual({ action: 'deny' })
  })

  it('sends https and mailto links to the system browser', () => {
    expect(decideNavigation('https://www.heise.de/news', appUrl)).toEqual({
      action: 'open-externally',
      url: 'https://www.heise.de/news',
    })
    expect(decideWindowOpen('mailto:dmk@heise.de')).toEqual({
      action: 'open-externally',
      url: 'mailto:dmk@heise.de',
    })
  })

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://example.com',
    'data:text/html,<script>',
    'lectern://x',
    'not a url',
    'https://user:pw@example.com/',
  ])('never opens %s', (url) => {
    expect(decideWindowOpen(url)).toEqual({ action: 'deny' })
    expect(parseExternalUrl(url)).toBeNull()
  })
})

describe('contentSecurityPolicy', () => {
  it('allows only the app’s own scripts and nothing remote', () => {
    const policy = contentSecurityPolicy({ isDev: false })
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).toContain("object-src 'none'")
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
  })
})
