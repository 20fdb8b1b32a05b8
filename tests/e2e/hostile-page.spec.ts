import { readFile, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { test, expect } from './support/lectern'

test.use({ studyMaterial: false })

test('a hostile web page imports as text only: no script runs, nothing remote is fetched', async ({
  launch,
  dataDir,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const appOrigin = new URL(page.url()).origin
  const foreign: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(appOrigin) && !request.url().startsWith('data:'))
      foreign.push(request.url())
  })
  // Port 9 (discard): any attempt to load from it would show up as a request.
  const html = (
    await readFile(resolve(__dirname, '../fixtures/html/xss-vectors.html'), 'utf8')
  ).replaceAll('PORT', '9')
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([content], 'hostile.html', { type: 'text/html' }))
    return transfer
  }, html)
  await page.dispatchEvent('body', 'drop', { dataTransfer })
  await expect(page.locator('article.article h1')).toHaveText(
    'A page built from well-known XSS vectors',
  )
  await expect(page.locator('article.article')).toContainText('ordinary text that explains nothing')
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined()
  expect(
    await page
      .locator('article.article')
      .locator('script, iframe, object, embed, form, img, svg')
      .count(),
  ).toBe(0)
  expect(foreign).toEqual([])

  const folders = await readdir(join(dataDir, 'documents'))
  for (const folder of folders) {
    const stored = await readFile(join(dataDir, 'documents', folder, 'content.json'), 'utf8')
    expect(stored).not.toMatch(
      /__pwned|javascript:|onerror|onload|<script|<iframe|<object|<embed|<form/i,
    )
  }
})
