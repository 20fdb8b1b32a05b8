import { afterEach, describe, expect, it } from 'vitest'
import { buildApi } from '../../../src/shared/ipc/contract'
import { defaultSettings, type Settings } from '../../../src/shared/model'
import { AppState } from '../../../src/renderer/src/lib/app-state.svelte'

/** A bridge whose updateSettings answers only when the test releases it, like a slow main. */
function slowSettingsBridge(options: { failNext?: boolean } = {}) {
  let stored: Settings = defaultSettings
  const pending: (() => void)[] = []
  const api = buildApi(async (name, args) => {
    if (name === 'getSettings') return { ok: true, value: stored }
    if (name !== 'updateSettings') throw new Error(`unexpected ${name}`)
    const changes = args as Partial<Settings>
    const fails = options.failNext === true
    options.failNext = false
    if (!fails) stored = { ...stored, ...changes }
    const answer = fails
      ? {
          ok: false,
          error: {
            code: 'storage-failed',
            message:
              'Lectern could not save your settings because the disk is full. Nothing was changed.',
          },
        }
      : { ok: true, value: stored }
    return new Promise((resolve) => pending.push(() => resolve(answer)))
  })
  Object.defineProperty(window, 'lectern', { value: api, configurable: true })
  return {
    releaseNext: () => pending.shift()?.(),
    releaseAll: () => pending.splice(0).forEach((release) => release()),
    stored: () => stored,
  }
}

describe('AppState.updateSettings', () => {
  afterEach(() => {
    Reflect.deleteProperty(window, 'lectern')
  })

  it('does not let an older answer undo a newer change (two quick clicks)', async () => {
    const bridge = slowSettingsBridge()
    const app = new AppState()
    const first = app.updateSettings({ theme: 'sepia' })
    const second = app.changeFontSize(1)
    // The answer to the theme change (font size still the default) arrives between the clicks.
    bridge.releaseNext()
    await first
    const third = app.changeFontSize(1)
    bridge.releaseAll()
    await Promise.all([second, third])
    expect(app.settings).toMatchObject({ theme: 'sepia', fontSize: defaultSettings.fontSize + 2 })
    expect(bridge.stored()).toMatchObject({
      theme: 'sepia',
      fontSize: defaultSettings.fontSize + 2,
    })
  })

  it('shows the stored settings again and says why when a save fails', async () => {
    const bridge = slowSettingsBridge({ failNext: true })
    const app = new AppState()
    const change = app.updateSettings({ theme: 'dark' })
    expect(app.settings.theme).toBe('dark')
    bridge.releaseAll()
    await change
    expect(app.settings.theme).toBe(defaultSettings.theme)
    expect(app.problem).toContain('the disk is full')
  })
})
