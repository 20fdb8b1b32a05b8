import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createServices } from '../../src/main/services/create-services'
import { test, expect } from './support/lectern'
import { dragSelect, paintedTexts } from './support/text-helpers'

// These flows start from the article alone, as a reader who removed its bundled positions.
test.use({ studyMaterial: false })

const documentId = 'europol-warns-about-e2ee'
const resourcesDir = join(__dirname, '../../resources')

test('a revised text reports what happened to each highlight, and an orphan can be re-attached', async ({
  launch,
  dataDir,
}) => {
  const first = await launch()
  await expect(first.locator('article h1')).toBeVisible()
  for (const quote of [
    'Absolutism is not useful on either side.',
    'Such demands sound familiar.',
  ]) {
    await dragSelect(first, quote)
    await first.keyboard.press('h')
    await expect
      .poll(async () => (await paintedTexts(first, 'lectern-label-key-position')).includes(quote))
      .toBe(true)
  }
  await first.close()

  // A newer version of the article arrives (as a re-import would bring it).
  const original = await readFile(
    join(resourcesDir, 'articles', 'europol-warns-about-e2ee.en.txt'),
    'utf8',
  )
  const revised = original
    .replace(
      'Absolutism is not useful on either side.',
      'Absolutism helps no one. Absolutism is not useful on either side.',
    )
    .replace('Such demands sound familiar.', 'These demands are not new.')
  const services = await createServices({ dataDir, resourcesDir, seedStudyMaterial: false })
  const result = await services.library.reviseText(
    documentId,
    new TextEncoder().encode(revised),
    'europol-v2.txt',
  )
  expect(result).toMatchObject({ ok: true, value: { isChanged: true } })

  const page = await launch()
  const report = page.getByRole('status').filter({ hasText: 'The text of this document changed.' })
  await expect(report).toContainText(
    '0 highlights kept, 1 moved, 0 with changed wording, 1 need attention.',
  )
  const orphans = page.getByRole('region', { name: 'Needs attention' })
  await expect(orphans).toContainText('Such demands sound familiar.')
  await expect
    .poll(() => paintedTexts(page, 'lectern-label-key-position'))
    .toEqual(['Absolutism is not useful on either side.'])
  await page.screenshot({ path: 'test-results/reanchor-report.png' })

  await orphans.getByRole('button', { name: 'Re-attach' }).click()
  await dragSelect(page, 'These demands are not new.')
  await page.getByRole('button', { name: 'Re-attach here' }).click()
  await expect(orphans).toHaveCount(0)
  await expect
    .poll(async () => (await paintedTexts(page, 'lectern-label-key-position')).sort())
    .toEqual(['Absolutism is not useful on either side.', 'These demands are not new.'].sort())
  await report.getByRole('button', { name: 'Dismiss' }).click()
  await expect(report).toHaveCount(0)
})
