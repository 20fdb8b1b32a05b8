import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './support/lectern'

test('a damaged library file at start is copied aside, repaired from the copy of its last save, and the reader is told', async ({
  launch,
  dataDir,
}) => {
  const first = await launch()
  await first.getByRole('radio', { name: 'Dark' }).click()
  await expect(first.locator('html')).toHaveAttribute('data-theme', 'dark')
  await first.close()

  await writeFile(join(dataDir, 'library.json'), '{"schemaVersion":1,"documents":[{"id":"eu')
  const second = await launch()
  const alert = second.getByRole('alert').filter({ hasText: 'Repaired a damaged file' })
  await expect(alert).toContainText(
    'Your library could not be read because it is cut off or is not valid JSON',
  )
  await expect(alert).toContainText('nothing is missing')
  await expect(second.locator('article h1')).toBeVisible()
  // The settings of the last save are back.
  await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark')
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

test('Check library repairs what is safe, lists a cut-off import again, trashes nothing, and finds nothing the second time', async ({
  launch,
  dataDir,
}) => {
  const first = await launch()
  await expect(first.locator('article h1')).toBeVisible()
  await first.close()
  // An import cut off after its text was written and before the library listed it.
  const text = 'A cut-off import\n\nIts text was saved, but the library was never told.'
  await mkdir(join(dataDir, 'documents', 'cut-off-import'), { recursive: true })
  await writeFile(
    join(dataDir, 'documents', 'cut-off-import', 'content.json'),
    JSON.stringify({
      schemaVersion: 2,
      documentId: 'cut-off-import',
      revision: { id: 'r1', hash: 'a'.repeat(64), createdAt: '2026-11-30T10:00:00.000Z' },
      text,
      segments: [
        { kind: 'title', start: 0, end: 16 },
        { kind: 'paragraph', start: 18, end: text.length },
      ],
    }),
  )
  // A highlight whose offsets no longer point at its words (a hand edit, a sync tool).
  const annotationsPath = join(dataDir, 'documents', 'europol-warns-about-e2ee', 'annotations.json')
  const annotations = JSON.parse(await readFile(annotationsPath, 'utf8'))
  annotations.highlights[0].selectors.position = { type: 'TextPositionSelector', start: 3, end: 9 }
  await writeFile(annotationsPath, JSON.stringify(annotations))

  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: 'Documents listed again' })).toContainText(
    '“A cut-off import”',
  )
  // File → Check Library… (the menu's event, as the preload delivers it).
  await page.evaluate(() => window.dispatchEvent(new Event('lectern:checkLibrary')))
  const dialog = page.getByRole('dialog', { name: 'Check library' })
  await expect(dialog).toContainText('Checked 2 documents, ')
  await expect(dialog.getByRole('listitem')).toContainText([
    /1 highlight was not where its text is and was anchored again/,
  ])
  await page.screenshot({ path: 'test-results/check-library.png' })
  await dialog.getByRole('button', { name: 'Check again' }).click()
  await expect(dialog).toContainText('Everything is in order.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  expect(await readdir(join(dataDir, 'documents'))).toContain('cut-off-import')
  expect(await readdir(dataDir)).not.toContain('trash')

  await page.keyboard.press('l')
  await expect(page.getByRole('button', { name: /^A cut-off import/ })).toBeVisible()
  await page.getByRole('button', { name: 'Check library…' }).click()
  await expect(dialog).toContainText('Everything is in order.')
})
