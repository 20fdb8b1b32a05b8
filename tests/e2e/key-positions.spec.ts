import { test, expect } from './support/lectern'
import { clickText, dragSelect, highlightWithKey } from './support/text-helpers'

test('the key positions side by side; a quote opens the reader at its passage', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Positions' }).click()
  const columns = page.locator('article.actor')
  await expect(columns).toHaveCount(6)
  await expect(page.getByRole('article', { name: 'Claudia Plattner' })).toContainText(
    'head of the BSI',
  )
  await page.screenshot({ path: 'test-results/positions.png', fullPage: true })

  await page.getByRole('radio', { name: 'Against' }).click()
  await expect(columns).toHaveCount(2)
  await page.getByRole('radio', { name: 'All' }).click()

  const quote = 'Volker Wissing even wants to enshrine the right to encryption in law.'
  await page
    .getByRole('article', { name: 'Volker Wissing' })
    .getByRole('button', { name: `“${quote}”` })
    .click()
  await expect(page.locator('article.article h1')).toBeVisible()
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...(CSS.highlights.get('lectern-focus') ?? [])].map((range) => range.toString()),
      ),
    )
    .toEqual([quote])
  const isOnScreen = await page.evaluate(() => {
    const range = [...CSS.highlights.get('lectern-focus')!][0] as Range
    const box = range.getBoundingClientRect()
    return box.top >= 0 && box.bottom <= window.innerHeight
  })
  expect(isOnScreen).toBe(true)
})

test('make cards for the positions, then review one', async ({ launch }) => {
  const page = await launch()
  await page.getByRole('button', { name: 'Positions' }).click()
  await page.getByRole('button', { name: 'Make cards for these positions' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'cards made or brought up to date' }),
  ).toContainText(/^\d+ cards/)
  await page.getByRole('button', { name: 'Make cards for these positions' }).click()

  await page.getByRole('button', { name: '← Text' }).click()
  await page.getByRole('button', { name: 'Review', exact: true }).click()
  const card = page.getByRole('article', { name: 'Card' })
  await expect(card).toBeVisible()
  await page.keyboard.press('Space')
  await expect(page.getByRole('region', { name: 'Source passage' }).locator('mark')).not.toBeEmpty()
  await page.keyboard.press('3')
  await expect(page.getByRole('status').filter({ hasText: 'reviewed' })).toContainText('1 reviewed')
})

test.describe('on a document without positions', () => {
  test.use({ studyMaterial: false })

  test('accept a suggested statement, and assign a highlight to a new actor', async ({
    launch,
  }) => {
    const page = await launch()
    await expect(page.locator('article h1')).toBeVisible()
    await page.getByRole('button', { name: 'Positions' }).click()
    await page.getByRole('button', { name: /Show suggested statements/ }).click()
    const suggestion = page.getByRole('listitem', { name: 'Suggestion: Volker Wissing' })
    await expect(suggestion).toContainText('Federal Digital Minister')
    await suggestion.getByRole('button', { name: 'Accept…' }).click()
    await suggestion.getByRole('combobox', { name: 'Stance' }).selectOption('for')
    await suggestion
      .getByRole('textbox', { name: 'Summary' })
      .fill('Wants the right to encryption in law.')
    await suggestion.getByRole('button', { name: 'Add as position' }).click()
    const column = page.getByRole('article', { name: 'Volker Wissing' })
    await expect(column).toContainText('Wants the right to encryption in law.')
    await expect(column).toContainText('For')

    await page.getByRole('button', { name: '← Text' }).click()
    await dragSelect(page, 'Absolutism is not useful on either side.')
    await highlightWithKey(page, 'Absolutism is not useful on either side.')
    await clickText(page, 'Absolutism')
    await page.getByRole('button', { name: 'Position…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Assign to a position' })
    await dialog.getByRole('combobox', { name: 'Actor' }).selectOption('new')
    await dialog.getByRole('textbox', { name: 'Name' }).fill('European police chiefs')
    await dialog.getByRole('combobox', { name: 'Stance' }).selectOption('mixed')
    await dialog.getByRole('textbox', { name: 'Summary' }).fill('Neither side should be absolute.')
    await dialog.getByRole('button', { name: 'Assign' }).click()
    await expect(dialog).toHaveCount(0)
    await page.getByRole('button', { name: 'Positions' }).click()
    await expect(page.getByRole('article', { name: 'European police chiefs' })).toContainText(
      'Absolutism is not useful',
    )
  })
})
