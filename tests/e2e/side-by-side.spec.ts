import type { Page } from '@playwright/test'
import { test, expect } from './support/lectern'
import { dragSelect } from './support/text-helpers'

test.use({ studyMaterial: false })

/** A long text of numbered paragraphs, so each pane scrolls. */
function longText(title: string, word: string, paragraphs: number, wordsEach: number): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `${i + 1}. ${`${word} `.repeat(wordsEach).trim()}.`,
  )
  return [title, ...body].join('\n\n')
}

async function drop(page: Page, name: string, content: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], name, { type: 'text/plain' }))
      return transfer
    },
    { name, content },
  )
  await page.dispatchEvent('body', 'drop', { dataTransfer })
}

/** The aligned row at the top of a pane. */
function topRow(page: Page, pane: string): Promise<number> {
  return page.getByRole('document', { name: pane }).evaluate((element) => {
    const top = element.getBoundingClientRect().top
    const row = [...element.querySelectorAll<HTMLElement>('[data-row]')].find(
      (el) => el.getBoundingClientRect().bottom > top + 1,
    )
    return Number(row?.dataset['row'] ?? -1)
  })
}

test('two long texts side by side: the other pane follows by aligned paragraph; unlink and re-sync', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await drop(page, 'original.txt', longText('Das Original', 'Wort', 30, 90))
  await expect(page.locator('article.article h1')).toHaveText('Das Original')
  await drop(page, 'translation.txt', longText('The translation', 'word', 30, 110))
  await expect(page.locator('article.article h1')).toHaveText('The translation')

  await page.getByRole('button', { name: 'Side by side' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Das Original' }).click()
  const left = page.getByRole('document', { name: 'The translation' })
  await expect(left).toBeVisible()
  await left.evaluate((element) => (element.scrollTop = element.scrollHeight * 0.25))
  await expect.poll(() => topRow(page, 'Das Original')).toBe(await topRow(page, 'The translation'))
  expect(await topRow(page, 'The translation')).toBeGreaterThan(5)
  await page.screenshot({ path: 'test-results/side-by-side.png' })

  await page.getByRole('checkbox', { name: 'Linked scrolling' }).uncheck()
  await left.evaluate((element) => (element.scrollTop = element.scrollHeight * 0.55))
  const leftRow = await topRow(page, 'The translation')
  await page.waitForTimeout(200)
  expect(await topRow(page, 'Das Original')).toBeLessThan(leftRow)
  await page.getByRole('button', { name: 'Re-sync here' }).click()
  await expect.poll(() => topRow(page, 'Das Original')).toBe(leftRow)
})

test('short texts side by side are rows of aligned paragraphs', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await drop(
    page,
    'short.txt',
    'Kurzer Text\n\nErster Absatz über Verschlüsselung.\n\nZweiter Absatz.',
  )
  await expect(page.locator('article.article h1')).toHaveText('Kurzer Text')
  await page.getByRole('button', { name: 'Side by side' }).click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^Europol warns/ })
    .click()
  const table = page.getByRole('table', { name: 'Aligned texts' })
  await expect(table).toBeVisible()
  await expect(table).toContainText('Erster Absatz über Verschlüsselung.')
  await expect(table).toContainText('Claudia Plattner')
  expect(await table.getByRole('row').count()).toBeGreaterThan(3)
  for (const row of await table.getByRole('row').all())
    await expect(row.locator('> *')).toHaveCount(2)
})

test('a highlight in one edition shows a faint mirror on the aligned paragraph of the other', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await drop(page, 'de.txt', 'Original\n\nErster Absatz.\n\nZweiter Absatz.')
  await expect(page.locator('article.article h1')).toHaveText('Original')
  await drop(page, 'en.txt', 'Translation\n\nFirst paragraph.\n\nSecond paragraph.')
  await expect(page.locator('article.article h1')).toHaveText('Translation')
  await dragSelect(page, 'Second paragraph.')
  await page.keyboard.press('h')
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0)
  await page.getByRole('button', { name: 'Side by side' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Original' }).click()
  const mirrored = page.getByRole('cell').filter({ hasText: 'Zweiter Absatz.' })
  await expect(mirrored).toHaveClass(/mirror/)
  await expect(page.getByRole('cell').filter({ hasText: 'Erster Absatz.' })).not.toHaveClass(
    /mirror/,
  )
})

test('fix an alignment by hand: merged rows stay merged after a reload', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await drop(page, 'de.txt', 'Original\n\nErster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz.')
  await expect(page.locator('article.article h1')).toHaveText('Original')
  await drop(
    page,
    'en.txt',
    'Translation\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.',
  )
  await expect(page.locator('article.article h1')).toHaveText('Translation')
  await page.getByRole('button', { name: 'Side by side' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Original' }).click()
  const table = page.getByRole('table', { name: 'Aligned texts' })
  await expect(table.getByRole('row')).toHaveCount(5)
  const second = table.getByRole('row').nth(2)
  await second.hover()
  await second.getByRole('button', { name: 'Merge with next' }).click()
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(table.getByRole('row').nth(2)).toContainText(
    'First paragraph.Second paragraph.'.replace('.S', '. S').replace('. S', '.S'),
  )

  await page.reload()
  await expect(page.locator('article.article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Side by side' }).click()
  await expect(page.getByRole('list', { name: 'Editions' })).toContainText('Original')
  await page.getByRole('dialog').getByRole('button', { name: 'Original' }).click()
  await expect(page.getByRole('table', { name: 'Aligned texts' }).getByRole('row')).toHaveCount(4)

  const rowsAfter = page.getByRole('table', { name: 'Aligned texts' }).getByRole('row')
  await rowsAfter.nth(2).hover()
  await rowsAfter.nth(2).getByRole('button', { name: 'Push last down' }).click()
  // The right-hand text is the Original: its paragraph moves down, beside the third.
  await expect(rowsAfter.nth(3)).toContainText('Zweiter Absatz.')
  await expect(rowsAfter.nth(3)).toContainText('Dritter Absatz.')
  await expect(rowsAfter.nth(2)).not.toContainText('Zweiter Absatz.')
})
