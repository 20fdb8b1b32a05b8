import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './support/lectern'

test('a damaged library file at start is set aside, restored from backup, and the reader is told', async ({
  launch,
  dataDir,
}) => {
  const first = await launch()
  await first.getByRole('radio', { name: 'Dark' }).click()
  await expect(first.locator('html')).toHaveAttribute('data-theme', 'dark')
  await first.close()

  await writeFile(join(dataDir, 'library.json'), '{"schemaVersion":1,"documents":[{"id":"eu')
  const second = await launch()
  const alert = second.getByRole('alert').filter({ hasText: 'Recovered from a backup' })
  await expect(alert).toContainText(
    'Your library could not be read because it is cut off or is not valid JSON',
  )
  await expect(second.locator('article h1')).toBeVisible()
  await second.screenshot({ path: 'test-results/recovery-notice.png' })
  expect((await readdir(dataDir)).some((name) => name.startsWith('library.json.corrupt-'))).toBe(
    true,
  )

  await alert.getByRole('button', { name: 'Dismiss this message' }).click()
  await expect(alert).toHaveCount(0)
})

test('a library file from a newer Lectern opens read-only and says so', async ({
  launch,
  dataDir,
}) => {
  const first = await launch()
  await expect(first.locator('article h1')).toBeVisible()
  await first.close()
  const path = join(dataDir, 'library.json')
  const { readFile } = await import('node:fs/promises')
  const library = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  await writeFile(path, JSON.stringify({ ...library, schemaVersion: 99 }))

  const second = await launch()
  await expect(second.getByRole('alert').filter({ hasText: 'Opened read-only' })).toContainText(
    'newer version of Lectern',
  )
  await expect(second.locator('article h1')).toBeVisible()
  await second.getByRole('radio', { name: 'Dark' }).click()
  await expect(second.getByRole('alert').filter({ hasText: 'read-only' }).last()).toBeVisible()
  expect(JSON.parse(await readFile(path, 'utf8')).schemaVersion).toBe(99)
})

test('Check library repairs what is safe, says what it did, and finds nothing the second time', async ({
  launch,
  dataDir,
}) => {
  const first = await launch()
  await expect(first.locator('article h1')).toBeVisible()
  await first.close()
  // An import cut off after its text was written and before the library listed it.
  await mkdir(join(dataDir, 'documents', 'cut-off-import'), { recursive: true })
  await writeFile(join(dataDir, 'documents', 'cut-off-import', 'content.json'), '{}')

  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  // File → Check Library… (the menu's event, as the preload delivers it).
  await page.evaluate(() => window.dispatchEvent(new Event('lectern:checkLibrary')))
  const dialog = page.getByRole('dialog', { name: 'Check library' })
  await expect(dialog).toContainText('Checked 1 document, ')
  await expect(dialog.getByRole('listitem')).toContainText([
    /documents\/cut-off-import belonged to no document in your library; it was moved to trash/,
  ])
  await page.screenshot({ path: 'test-results/check-library.png' })
  await dialog.getByRole('button', { name: 'Check again' }).click()
  await expect(dialog).toContainText('Everything is in order.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  expect(await readdir(join(dataDir, 'documents'))).not.toContain('cut-off-import')

  await page.keyboard.press('l')
  await page.getByRole('button', { name: 'Check library…' }).click()
  await expect(dialog).toContainText('Everything is in order.')
})
