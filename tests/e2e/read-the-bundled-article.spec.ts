import { test, expect } from './support/lectern'

test('first start shows the bundled article with title, lead, figure and provenance', async ({
  launch,
}) => {
  const page = await launch()
  const article = page.locator('article.article')
  await expect(article.locator('h1')).toHaveText(
    'Europol warns industry and governments about end-to-end encryption',
  )
  await expect(article.locator('.lead')).toHaveText(
    /^Europol warns that governments and industry must urgently/,
  )
  await expect(article.locator('figcaption')).toContainText(
    'Examination of the systems for anomalies',
  )
  await expect(article.locator('[lang="de"]').first()).toHaveText(
    'Laptop im Netz wird mit Lupe untersucht',
  )
  await expect(page.locator('.provenance')).toContainText('heise online')
  await expect(page.locator('.provenance')).toContainText('Automatically translated from German')
  await expect(article).not.toContainText('Save to Pocket')
  await expect(article).not.toContainText('min. read')
  await expect(article).not.toContainText('originally published in German')
  await expect(article.locator('.author-tag')).toHaveText('(dmk)')
  await page.screenshot({ path: 'test-results/reader-1280x800.png' })

  await page.setViewportSize({ width: 900, height: 800 })
  await expect(article.locator('h1')).toBeVisible()
  await page.screenshot({ path: 'test-results/reader-900.png' })
})

test('the text column keeps a comfortable line length', async ({ launch }) => {
  const page = await launch()
  const paragraph = page.locator('article p[data-segment-index]').nth(2)
  await expect(paragraph).toBeVisible()
  const charactersPerLine = await paragraph.evaluate((element) => {
    const style = getComputedStyle(element)
    const probe = document.createElement('span')
    probe.style.font = style.font
    probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4)
    document.body.append(probe)
    const average = probe.getBoundingClientRect().width / probe.textContent.length
    probe.remove()
    return element.getBoundingClientRect().width / average
  })
  expect(charactersPerLine).toBeGreaterThan(60)
  expect(charactersPerLine).toBeLessThan(80)
})

test('the library lists the article and opens it', async ({ launch }) => {
  const page = await launch()
  await page.getByRole('button', { name: '← Library' }).click()
  const entry = page.getByRole('button', { name: /^Europol warns industry/ })
  await expect(entry).toContainText('heise online')
  await page.screenshot({ path: 'test-results/library.png' })
  await entry.click()
  await expect(page.locator('article h1')).toBeVisible()
})
