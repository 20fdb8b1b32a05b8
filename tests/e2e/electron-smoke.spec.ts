import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron } from '@playwright/test'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { test, expect } from '@playwright/test'

const electronPackage = resolve(__dirname, '../../node_modules/electron')

/** The Electron binary if it was downloaded (a normal machine), else null. It is not fetched here. */
function installedElectronBinary(): string | null {
  const pathFile = join(electronPackage, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

test('the real app opens on the bundled article (needs the Electron binary)', async () => {
  const executablePath = installedElectronBinary()
  test.skip(
    !executablePath,
    'The Electron binary is not installed on this machine; it cannot be downloaded here.',
  )
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-electron-'))
  const app = await electron.launch({
    executablePath: executablePath!,
    args: [resolve(__dirname, '../..'), `--data-dir=${dataDir}`],
  })
  const window = await app.firstWindow()
  await expect(window.locator('article h1')).toHaveText(/Europol warns industry and governments/)
  expect(
    await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
  ).toBe('undefined')
  // Every web contents of the real app has the secure preferences.
  const preferences = await app.evaluate(({ webContents }) =>
    webContents.getAllWebContents().map((contents) => {
      const prefs = (
        contents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null }
      ).getLastWebPreferences?.()
      return {
        contextIsolation: prefs?.['contextIsolation'],
        sandbox: prefs?.['sandbox'],
        nodeIntegration: prefs?.['nodeIntegration'],
      }
    }),
  )
  expect(preferences.length).toBeGreaterThan(0)
  for (const prefs of preferences)
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false })
  await app.close()
})
