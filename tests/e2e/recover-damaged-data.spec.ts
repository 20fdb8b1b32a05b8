import { readdir, writeFile } from 'node:fs/promises'
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
