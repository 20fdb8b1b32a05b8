import type { Page } from '@playwright/test'

/** Selects a passage of the article with a real mouse drag, from its first to its last character. */
export async function dragSelect(page: Page, quote: string): Promise<void> {
  await settleLayout(page, quote)
  const points = await page.evaluate((text) => {
    for (const element of document.querySelectorAll<HTMLElement>('[data-segment-index]')) {
      const node = element.firstChild
      const at = element.textContent?.indexOf(text) ?? -1
      if (!node || at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + 1)
      const first = range.getClientRects()[0]!
      range.setStart(node, at + text.length - 1)
      range.setEnd(node, at + text.length)
      const last = range.getClientRects()[0]!
      return {
        from: { x: first.left + 1, y: first.top + first.height / 2 },
        to: { x: last.right - 1, y: last.top + last.height / 2 },
      }
    }
    throw new Error(`Quote not found: ${text}`)
  }, quote)
  await page.mouse.move(points.from.x, points.from.y)
  await page.mouse.down()
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 })
  await page.mouse.up()
  const selected = await page.evaluate(() => document.getSelection()?.toString() ?? '')
  if (selected.trim() !== quote)
    throw new Error(`The drag selected “${selected}” instead of “${quote}”`)
}

/**
 * Waits until the text will not move under the mouse: web fonts loaded, the passage scrolled to
 * the middle of the column, and two frames painted since.
 */
async function settleLayout(page: Page, quote: string): Promise<void> {
  await page.evaluate(async (text) => {
    await document.fonts.ready
    const element = [...document.querySelectorAll<HTMLElement>('[data-segment-index]')].find((el) =>
      el.textContent?.includes(text),
    )
    element?.scrollIntoView({ block: 'center' })
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  }, quote)
}

/** Clicks the middle of the first occurrence of `text` in the article. */
export async function clickText(page: Page, text: string): Promise<void> {
  await settleLayout(page, text)
  const point = await page.evaluate((needle) => {
    for (const element of document.querySelectorAll<HTMLElement>('[data-segment-index]')) {
      const node = element.firstChild
      const at = element.textContent?.indexOf(needle) ?? -1
      if (!node || at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + needle.length)
      const box = range.getClientRects()[0]!
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
    }
    throw new Error(`Text not found: ${needle}`)
  }, text)
  await page.mouse.click(point.x, point.y)
}

/** The passages painted under a CSS Custom Highlight name, as text. */
export function paintedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName)
    return highlight ? [...highlight].map((range) => range.toString()) : []
  }, name)
}

/** Presses `h` on the current selection and waits until the new highlight is painted. */
export async function highlightWithKey(page: Page, quote: string): Promise<void> {
  await page.keyboard.press('h')
  await page.waitForFunction(
    (text) =>
      [...CSS.highlights.entries()].some(
        ([name, highlight]) =>
          name.startsWith('lectern-label-') &&
          [...highlight].some((range) => range.toString() === text),
      ),
    quote,
  )
}
