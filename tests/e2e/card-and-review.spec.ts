import { test, expect } from './support/lectern'
import { clickText, dragSelect, highlightWithKey } from './support/text-helpers'

// These flows start from the article alone, as a reader who removed its bundled positions.
test.use({ studyMaterial: false })

/** The services' clock, moved by the test: "days later" without waiting days. */
function testClock(start = '2026-11-28T09:00:00.000Z') {
  let time = Date.parse(start)
  return { now: () => new Date(time), advanceDays: (days: number) => (time += days * 86_400_000) }
}

test('highlight → cloze card → review → undo → grade again → due again days later; the stats show it', async ({
  launch,
}) => {
  const clock = testClock()
  const page = await launch({ now: clock.now })
  await expect(page.locator('article h1')).toBeVisible()
  await dragSelect(page, 'Claudia Plattner')
  await highlightWithKey(page, 'Claudia Plattner')
  await clickText(page, 'Plattner')
  await page
    .getByRole('toolbar', { name: 'Highlight actions' })
    .getByRole('button', { name: 'Card' })
    .click()

  const editor = page.getByRole('dialog', { name: 'New card' })
  await expect(editor.getByRole('textbox').first()).toHaveValue(
    'The new head of the BSI, {{c1::Claudia Plattner}}, on the other hand, emphasized in the middle of last year that "there must be more secure end-to-end encryption".',
  )
  await page.screenshot({ path: 'test-results/card-editor.png' })
  await editor.getByRole('button', { name: 'Save card' }).click()
  await expect(editor).toHaveCount(0)
  await expect(page.getByRole('article', { name: /Highlight: Claudia Plattner/ })).toContainText(
    '1 card',
  )
  await page.getByRole('tab', { name: 'Cards' }).click()
  const listed = page.getByRole('listitem', { name: /Card: The new head of the BSI/ })
  await expect(listed).toContainText('c1: new')
  await expect(listed).toContainText('From “Claudia Plattner”')
  await page.screenshot({ path: 'test-results/cards-pane.png' })

  await page.getByRole('button', { name: 'Review', exact: true }).click()
  const card = page.getByRole('article', { name: 'Card' })
  await expect(card).toContainText(
    'The new head of the BSI, [… ], on the other hand'.replace('… ', '…'),
  )
  await page.screenshot({ path: 'test-results/review-question.png' })
  await page.keyboard.press('Space')
  await expect(card.locator('mark')).toHaveText('Claudia Plattner')
  await expect(page.getByRole('region', { name: 'Source passage' }).locator('mark')).toHaveText(
    'Claudia Plattner',
  )
  await expect(card.getByRole('button', { name: /Good/ })).toContainText('10m')
  await page.screenshot({ path: 'test-results/review-answer.png' })

  const easyDays = Number(
    (await card.getByRole('button', { name: /Easy/ }).locator('.interval').textContent())?.replace(
      'd',
      '',
    ),
  )
  expect(easyDays).toBeGreaterThanOrEqual(7)
  await page.keyboard.press('4')
  await expect(page.getByText('All done for now.')).toBeVisible()
  await expect(page.getByText(`The next card is due in ${easyDays} days.`)).toBeVisible()
  await page.keyboard.press('u')
  await expect(card).toBeVisible()
  await page.keyboard.press('Space')
  await page.keyboard.press('3')
  await expect(page.getByText('The next card is due in 10 minutes.')).toBeVisible()

  await page.getByRole('button', { name: 'See progress' }).click()
  await expect(page.getByText('reviews in all')).toBeVisible()
  await expect(page.locator('.figure .value').first()).toHaveText('1')
  await expect(
    page.getByRole('img', { name: /Reviews in the last year: 1 on 1 days/ }),
  ).toBeVisible()
  await page.screenshot({ path: 'test-results/progress.png' })
  await page.close()

  clock.advanceDays(3)
  const later = await launch({ now: clock.now })
  await expect(later.locator('article h1')).toBeVisible()
  await later.getByRole('button', { name: 'Review', exact: true }).click()
  await expect(later.getByRole('article', { name: 'Card' })).toContainText('[…]')
  await expect(later.getByRole('status').filter({ hasText: 'to go' })).toContainText('1 learning')

  await later.keyboard.press('Space')
  await later.keyboard.press('o')
  await expect(later.locator('article h1')).toBeAttached()
  await expect
    .poll(() => later.evaluate(() => CSS.highlights.get('lectern-focus')?.size ?? 0))
    .toBe(1)
})
