import { storedOnDisk } from '../support/stored-on-disk'
import type { LibraryFile } from '../../src/main/store/schema'
import type { Page } from '@playwright/test'
import { test, expect } from './support/lectern'

test('theme and font size survive a reload', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('radio', { name: 'Sepia' }).click()
  await page.getByRole('button', { name: 'Larger text' }).click()
  await page.getByRole('button', { name: 'Larger text' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await expect(page.locator('.size')).toHaveText('21')

  await page.reload()
  await expect(page.locator('article h1')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await expect(page.locator('.size')).toHaveText('21')
  const fontSize = await page
    .locator('article.article')
    .evaluate((element) => getComputedStyle(element).fontSize)
  expect(fontSize).toBe('21px')
})

test('keyboard: t cycles the theme and - makes the text smaller', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await page.keyboard.press('t')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await page.keyboard.press('t')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.keyboard.press('-')
  await expect(page.locator('.size')).toHaveText('18')
  await page.screenshot({ path: 'test-results/reader-dark.png' })
})

test('reopening on the same data dir restores the reading position', async ({
  launch,
  dataDir,
}) => {
  const first = await launch()
  const scroller = first.locator('.scroller')
  await expect(first.locator('article h1')).toBeVisible()
  await scroller.focus()
  for (let i = 0; i < 3; i++) await first.keyboard.press('PageDown')
  // PageDown scrolls smoothly: measure the place once the scrolling has come to rest.
  await expect
    .poll(() =>
      scroller.evaluate(async (el) => {
        const before = el.scrollTop
        await new Promise((resolve) => setTimeout(resolve, 250))
        return before === el.scrollTop ? before : -1
      }),
    )
    .toBeGreaterThan(600)
  const paragraphAtTop = await topParagraphIndex(first)
  // The place is saved after the reader stops scrolling.
  await expect
    .poll(async () => Number(await first.getByRole('progressbar').getAttribute('aria-valuenow')))
    .toBeGreaterThan(20)
  // Closing before the save is durable would lose it (as quitting the app mid-save would):
  // wait for the file, not for a fixed time, which a busy machine can outlast.
  await expect
    .poll(async () => {
      const library = await storedOnDisk<LibraryFile>(dataDir, 'library.json')
      return library.documents[0]?.readingPosition?.segmentIndex ?? -1
    })
    .toBe(paragraphAtTop)
  await first.close()

  const second = await launch()
  await expect(second.locator('article h1')).toBeAttached()
  await expect.poll(() => topParagraphIndex(second)).toBe(paragraphAtTop)
  await expect(second.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow', '0')
})

/** The index of the first block whose bottom is below the top of the scrolling column. */
function topParagraphIndex(page: Page): Promise<number> {
  return page.locator('.scroller').evaluate((scroller) => {
    const top = scroller.getBoundingClientRect().top
    const blocks = [...scroller.querySelectorAll<HTMLElement>('[data-segment-index]')]
    const block = blocks.find((el) => el.getBoundingClientRect().bottom > top + 1)
    return Number(block?.dataset['segmentIndex'] ?? -1)
  })
}
