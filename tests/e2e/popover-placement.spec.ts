import type { Locator, Page } from '@playwright/test'
import { test, expect } from './support/lectern'

// The article alone: the reader's own highlights, not the bundled positions.
test.use({ studyMaterial: false })

interface Box {
  x: number
  y: number
  width: number
  height: number
}

const sentence = 'Absolutism is not useful on either side.'
const selectionBar = (page: Page) => page.getByRole('toolbar', { name: 'Highlight the selection' })
const actionsBar = (page: Page) => page.getByRole('toolbar', { name: 'Highlight actions' })
const column = (page: Page) => page.locator('.scroller')

/**
 * Scrolls the column so the first line of `quote` starts `fromTop` px below the column's top
 * (or, when negative, its last line ends that far above the bottom); returns where its ends are.
 */
function placeQuote(page: Page, quote: string, fromTop: number) {
  return page.evaluate(
    async ({ text, offset }) => {
      await document.fonts.ready
      const scroller = document.querySelector<HTMLElement>('.scroller')!
      const element = [...document.querySelectorAll<HTMLElement>('[data-segment-index]')].find(
        (each) => each.textContent?.includes(text),
      )!
      const node = element.firstChild!
      const at = element.textContent!.indexOf(text)
      const range = document.createRange()
      const boxOf = (from: number, to: number) => {
        range.setStart(node, from)
        range.setEnd(node, to)
        return range.getClientRects()[0]!
      }
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
      // Twice: chunks of text laid out by the first scroll may move the passage.
      for (let round = 0; round < 2; round++) {
        const view = scroller.getBoundingClientRect()
        const first = boxOf(at, at + 1)
        const last = boxOf(at + text.length - 1, at + text.length)
        const height = last.bottom - first.top
        const target = offset >= 0 ? view.top + offset : view.bottom + offset - height
        scroller.scrollBy({ top: first.top - target })
        await frame()
        await frame()
      }
      const first = boxOf(at, at + 1)
      const last = boxOf(at + text.length - 1, at + text.length)
      return {
        from: { x: first.left + 1, y: first.top + first.height / 2 },
        to: { x: last.right - 1, y: last.top + last.height / 2 },
      }
    },
    { text: quote, offset: fromTop },
  )
}

/** Places `quote` as placeQuote does, then drags the mouse over it. */
async function selectAt(page: Page, quote: string, fromTop: number): Promise<void> {
  await drag(page, await placeQuote(page, quote, fromTop))
  expect(await page.evaluate(() => document.getSelection()?.toString().trim())).toBe(quote)
}

/** Selects the last word of a line that ends at the column's right side. */
async function selectLineEnd(page: Page): Promise<string> {
  const found = await page.evaluate(async () => {
    await document.fonts.ready
    const scroller = document.querySelector<HTMLElement>('.scroller')!
    const view = scroller.getBoundingClientRect()
    const range = document.createRange()
    for (const element of document.querySelectorAll<HTMLElement>('p[data-segment-index]')) {
      const node = element.firstChild
      const box = element.getBoundingClientRect()
      if (!node || node.nodeType !== Node.TEXT_NODE || box.top < view.top + 120) continue
      if (box.bottom > view.bottom - 120) break
      const text = node.textContent!
      const lineTop = (index: number) => {
        range.setStart(node, index)
        range.setEnd(node, index + 1)
        return range.getClientRects()[0]?.top ?? 0
      }
      // The last character of the first line: the one before the first that wraps.
      const top = lineTop(0)
      let end = 1
      while (end < text.length && Math.abs(lineTop(end) - top) < 2) end++
      if (end >= text.length) continue
      let lineEnd = end
      while (lineEnd > 0 && text[lineEnd - 1] === ' ') lineEnd--
      const start = text.lastIndexOf(' ', lineEnd - 1) + 1
      range.setStart(node, start)
      range.setEnd(node, start + 1)
      const first = range.getClientRects()[0]!
      range.setStart(node, lineEnd - 1)
      range.setEnd(node, lineEnd)
      const last = range.getClientRects()[0]!
      return {
        quote: text.slice(start, lineEnd),
        from: { x: first.left + 1, y: first.top + first.height / 2 },
        to: { x: last.right - 1, y: last.top + last.height / 2 },
      }
    }
    throw new Error('No paragraph with a second line on screen')
  })
  await drag(page, found)
  expect(await page.evaluate(() => document.getSelection()?.toString().trim())).toBe(found.quote)
  return found.quote
}

async function drag(
  page: Page,
  points: { from: { x: number; y: number }; to: { x: number; y: number } },
): Promise<void> {
  await page.mouse.move(points.from.x, points.from.y)
  await page.mouse.down()
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 })
  await page.mouse.up()
}

/** The popover's box, once it is wholly inside the visible part of the reading column. */
async function expectInsideColumn(page: Page, popover: Locator): Promise<Box> {
  await expect(popover).toBeVisible()
  const area = (await column(page).boundingBox())!
  const viewport = page.viewportSize()!
  const bottom = Math.min(area.y + area.height, viewport.height)
  await expect
    .poll(async () => {
      const box = (await popover.boundingBox())!
      return {
        left: box.x >= area.x,
        top: box.y >= area.y,
        right: box.x + box.width <= area.x + area.width,
        bottom: box.y + box.height <= bottom,
      }
    })
    .toEqual({ left: true, top: true, right: true, bottom: true })
  return (await popover.boundingBox())!
}

/** The selection's box on screen. */
function selectionBox(page: Page): Promise<Box> {
  return page.evaluate(() => {
    const box = document.getSelection()!.getRangeAt(0).getBoundingClientRect()
    return { x: box.x, y: box.y, width: box.width, height: box.height }
  })
}

test('a passage at the top of the column gets its popover below it, inside the column, and its buttons work', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await selectAt(page, sentence, 4)

  const popover = await expectInsideColumn(page, selectionBar(page))
  const passage = await selectionBox(page)
  expect(popover.y).toBeGreaterThanOrEqual(passage.y + passage.height)
  await page.screenshot({ path: 'test-results/popover-at-top.png' })

  await selectionBar(page).getByRole('button', { name: 'Definition' }).click()
  await expect(page.getByRole('article', { name: /Highlight: Absolutism/ })).toBeVisible()

  // The highlight's actions, again at the top of the column: below it, and they work.
  const { from } = await placeQuote(page, sentence, 4)
  await page.mouse.click(from.x + 10, from.y)
  await expectInsideColumn(page, actionsBar(page))
  await actionsBar(page).getByRole('button', { name: 'Card' }).click()
  await expect(page.getByRole('dialog', { name: 'New card' })).toBeVisible()
})

test('a passage at the bottom of the column gets its popover above it, and it follows the passage as the column scrolls, hidden once the passage is gone', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await selectAt(page, sentence, -4)

  const before = await expectInsideColumn(page, selectionBar(page))
  const passage = await selectionBox(page)
  expect(before.y + before.height).toBeLessThanOrEqual(passage.y)

  await column(page).evaluate((scroller) => scroller.scrollBy({ top: 200 }))
  const after = await expectInsideColumn(page, selectionBar(page))
  expect(Math.round(after.y)).toBe(Math.round(before.y - 200))

  // Scrolled until the passage is above the column: no popover pointing at nothing.
  const place = await column(page).evaluate((scroller) => scroller.scrollTop)
  await column(page).evaluate((scroller) => scroller.scrollBy({ top: 2000 }))
  await expect(selectionBar(page)).toBeHidden()
  await column(page).evaluate((scroller, top) => (scroller.scrollTop = top), place)
  await expectInsideColumn(page, selectionBar(page))
  await selectionBar(page).getByRole('button', { name: 'Evidence' }).click()
  await expect(page.getByRole('article', { name: /Highlight: Absolutism/ })).toBeVisible()
})

test('the word at the end of a line at the column’s right side get a popover inside the column', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const quote = await selectLineEnd(page)

  await expectInsideColumn(page, selectionBar(page))
  await page.screenshot({ path: 'test-results/popover-at-right.png' })

  await selectionBar(page).getByRole('button', { name: 'Definition' }).click()
  await expect(
    page.getByRole('article', { name: new RegExp(`Highlight: ${quote.slice(0, 12)}`) }),
  ).toBeVisible()
})
