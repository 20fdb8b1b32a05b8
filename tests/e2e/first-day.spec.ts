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

test('the Cards tab, the library and Review count the bundled deck the same way', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('tab', { name: 'Cards' }).click()
  const inCardsTab = page.getByRole('region', { name: 'Cards' }).locator('.study')
  await expect(inCardsTab).toHaveText(/^\d+ cards · \d+ to study$/)
  const counted = (await inCardsTab.textContent())!
  const [cards, items] = counted.match(/\d+/g)!.map(Number)
  // The bundled deck has reversible and multi-deletion cards: more items than cards.
  expect(items!).toBeGreaterThan(cards!)
  await page.screenshot({ path: 'test-results/first-day-counts-cards-tab.png' })

  await page.getByRole('button', { name: '← Library' }).click()
  await expect(page.locator('.document .study')).toHaveText(counted)
  await page.screenshot({ path: 'test-results/first-day-counts-library.png' })
  await page.getByRole('button', { name: 'Review', exact: true }).click()
  await expect(page.locator('.totals .study')).toHaveText(counted)
})

test('a confirmation shows above the export dialog without covering it, then fades; it never covers the text; a problem stays', async ({
  launch,
  running,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Export' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export, import and back up' })
  await dialog.getByRole('button', { name: 'Back up now' }).click()
  const toast = page.locator('.toast.status')
  await expect(toast).toContainText('Backed up your library')
  await page.screenshot({ path: 'test-results/first-day-confirmation-over-dialog.png' })
  const placement = await toast.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const dialogBox = document.querySelector('dialog[open]')!.getBoundingClientRect()
    return {
      // In the top layer, shown after the dialog, so drawn above it and its backdrop (the
      // screenshot shows it; a modal dialog makes the rest of the page inert to hit tests).
      isInTopLayer: element.matches(':popover-open'),
      overlapsDialog: box.top < dialogBox.bottom && box.bottom > dialogBox.top,
    }
  })
  expect(placement).toEqual({ isInTopLayer: true, overlapsDialog: false })

  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
  const overlap = await toast.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const text = document.querySelector('.scroller')!.getBoundingClientRect()
    return Math.max(0, text.bottom - box.top)
  })
  expect(overlap, 'the reading column ends where the confirmation begins').toBe(0)

  // Held while pointed at; a problem meanwhile stands in its own place, not over it.
  await toast.hover()
  running.services!.links.receive('lectern://open/no-such-document/no-such-highlight')
  await page.evaluate(() => window.dispatchEvent(new Event('lectern:openLink')))
  const problem = page.locator('.toast.problem')
  await expect(problem).toBeVisible()
  await page.screenshot({ path: 'test-results/first-day-problem-and-confirmation.png' })
  const boxes = [(await problem.boundingBox())!, (await toast.boundingBox())!]
  expect(
    boxes[0]!.y + boxes[0]!.height,
    'the problem ends above the confirmation',
  ).toBeLessThanOrEqual(boxes[1]!.y + 0.5)
  // It fades by itself once let go: waited for as a state, within the test's patience.
  await page.mouse.move(640, 300)
  await expect(toast).toHaveCount(0, { timeout: 15_000 })
  await expect(problem).toBeVisible()
})

test('the review question stays where it is when the answer and its source appear', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Review', exact: true }).click()
  const card = page.getByRole('article', { name: 'Card' })
  const question = card.locator('.face p').first()
  await expect(question).toBeVisible()
  const before = await question.boundingBox()
  await page.screenshot({ path: 'test-results/first-day-review-question.png' })
  await card.getByRole('button', { name: /Show answer/ }).click()
  await expect(page.getByRole('region', { name: 'Source passage' })).toBeVisible()
  const after = await question.boundingBox()
  await page.screenshot({ path: 'test-results/first-day-review-answer.png' })
  expect({ x: after!.x, y: after!.y, width: after!.width }).toEqual({
    x: before!.x,
    y: before!.y,
    width: before!.width,
  })
})

test('at 1280×800 the six actors of the positions board stand side by side', async ({ launch }) => {
  const page = await launch()
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Positions' }).click()
  const headers = page.locator('article.actor h2')
  await expect(headers).toHaveCount(6)
  await page.screenshot({ path: 'test-results/first-day-positions.png' })
  for (const box of await headers.evaluateAll((elements) =>
    elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
  )) {
    expect(box.left).toBeGreaterThanOrEqual(0)
    expect(box.right).toBeLessThanOrEqual(1280)
    expect(box.top).toBeGreaterThanOrEqual(0)
    expect(box.bottom).toBeLessThanOrEqual(800)
  }
  await expect(page.locator('.positions .heading p')).not.toHaveText(
    /encryption.*on end-to-end encryption/,
  )
  const toggle = page.getByRole('button', { name: /Show suggested statements/ })
  await expect(toggle).toBeInViewport()
  await toggle.click()
  await expect(page.getByRole('heading', { name: /Suggested statements/ })).toBeInViewport()
  await page.screenshot({ path: 'test-results/first-day-positions-suggestions.png' })
})
