import type { Page } from '@playwright/test'
import { test, expect } from './support/lectern'
import { dropFiles } from './support/drop-files'

/** A long Markdown document with odd sentences in some paragraphs (by index). */
function longDocument(title: string, odd: ReadonlyMap<number, string>): string {
  const paragraphs = Array.from({ length: 160 }, (_, index) =>
    odd.has(index)
      ? `${odd.get(index)} It is written here once.`
      : `Paragraph ${index + 1} of ${title.toLowerCase()} goes on about rivers, herons, reeds and the slow water that carries them all the way to the sea.`,
  )
  return `# ${title}\n\n${paragraphs.join('\n\n')}\n`
}

/** The flashed passage's box, once the flash is painted. */
async function flashedBox(page: Page) {
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('lectern-flash')?.size ?? 0))
    .toBeGreaterThan(0)
  return page.evaluate(() => {
    const range = [...CSS.highlights.get('lectern-flash')!][0] as Range
    const box = range.getBoundingClientRect()
    return { top: box.top, bottom: box.bottom, text: range.toString() }
  })
}

test('a search hit in another document opens with its passage on screen, however far down the reader was', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  // One phrase above the place the reader will be at in the first document, one below it.
  const above = 'Kingfishers nest in sandy banks'
  const below = 'Dippers walk under the water'
  await dropFiles(page, [
    { name: 'first.md', content: longDocument('First river', new Map([[150, 'Otters play.']])) },
  ])
  await expect(page.locator('article.article h1')).toHaveText('First river')
  await page.getByRole('button', { name: '← Library' }).click()
  await dropFiles(page, [
    {
      name: 'second.md',
      content: longDocument(
        'Second river',
        new Map([
          [40, above],
          [150, below],
        ]),
      ),
    },
  ])
  await expect(page.locator('article.article h1')).toHaveText('Second river')

  for (const phrase of [above, below]) {
    await page.getByRole('button', { name: '← Library' }).click()
    await page.locator('.document .title', { hasText: 'First river' }).click()
    await expect(page.locator('article.article h1')).toHaveText('First river')
    // Scrolled well down in the first document, then a search for a phrase only in the second.
    const scroller = page.getByRole('document', { name: 'First river' })
    await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight * 0.6))
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(1000)
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await page.getByRole('combobox', { name: 'Search text, highlights and notes' }).fill(phrase)
    const hit = page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()
    await expect(hit).toContainText('Second river')
    await hit.click()
    await expect(page.locator('article.article h1')).toHaveText('Second river')

    const box = await flashedBox(page)
    expect(phrase).toContain(box.text)
    const height = page.viewportSize()!.height
    expect(box.top, `“${phrase}” starts inside the window`).toBeGreaterThanOrEqual(0)
    expect(box.bottom, `“${phrase}” ends inside the window`).toBeLessThanOrEqual(height)
  }
  await page.screenshot({ path: 'test-results/first-day-search-hit.png' })
})
