import type { Page } from '@playwright/test'
import { test, expect } from './support/lectern'

// What a new reader sees on the first start, with the bundled article and its study material.

test('opening the reader puts the keyboard in the text without drawing a focus mark', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const scroller = page.locator('.scroller')
  await expect(scroller).toBeFocused()
  const mark = await scroller.evaluate((element) => {
    const style = getComputedStyle(element)
    return {
      isFocusVisible: element.matches(':focus-visible'),
      boxShadow: style.boxShadow,
      outline: style.outlineStyle,
    }
  })
  expect(mark).toEqual({ isFocusVisible: false, boxShadow: 'none', outline: 'none' })
  await page.screenshot({ path: 'test-results/first-impression-reader.png' })
  // The keyboard still works in the text at once.
  await page.keyboard.press('s')
  await expect(page.getByRole('status').filter({ hasText: 'Selected:' })).toBeAttached()
})

test('a figure without its picture is one quiet line in the text, with its caption', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const figure = page.locator('figure.figure').first()
  const line = figure.getByText(/^Picture not included \(alt: Laptop im Netz/)
  await expect(line).toBeVisible()
  await expect(figure.locator('figcaption')).toContainText('Examination of the systems')
  await expect(figure).not.toContainText(/image not included/i)
  const lineBox = (await line.boundingBox())!
  expect(lineBox.height).toBeLessThan(40)
  const style = await line.evaluate((element) => {
    const computed = getComputedStyle(element)
    return { border: computed.borderTopStyle, background: computed.backgroundColor }
  })
  expect(style.border).toBe('none')
  expect(style.background).toBe('rgba(0, 0, 0, 0)')
  // The alt text is still part of the text: it can be found, selected and highlighted.
  await expect(line.locator('[data-segment-index]')).toHaveText(
    'Laptop im Netz wird mit Lupe untersucht',
  )
})

/** The rule the painter made for a label, in the mode the root is in now. */
const paintedRule = (page: Page, labelId: string) =>
  page.evaluate((name) => {
    const root = document.documentElement
    for (const sheet of document.adoptedStyleSheets)
      for (const rule of sheet.cssRules)
        if (
          rule instanceof CSSStyleRule &&
          rule.selectorText.includes(`::highlight(${name})`) &&
          root.matches(rule.selectorText.split(' ')[0]!)
        )
          return rule.style.cssText
    return ''
  }, `lectern-label-${labelId}`)

test('highlights are quiet underlines until the reader tints them, and the choice is kept', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-highlights', 'quiet')
  await expect.poll(() => paintedRule(page, 'key-position')).toContain('underline')
  expect(await paintedRule(page, 'key-position')).not.toContain('background')
  for (const theme of ['Light', 'Sepia', 'Dark']) {
    await page.getByRole('radio', { name: theme, exact: true }).click()
    await page.screenshot({
      path: `test-results/first-impression-quiet-${theme.toLowerCase()}.png`,
    })
  }
  await page.getByRole('radio', { name: 'Light', exact: true }).click()

  await page.getByRole('button', { name: 'More actions' }).click()
  const tint = page.getByRole('menuitemcheckbox', { name: 'Tint highlights' })
  await expect(tint).toHaveAttribute('aria-checked', 'false')
  await tint.click()
  await expect(tint).toHaveAttribute('aria-checked', 'true')
  await expect(page.locator('html')).toHaveAttribute('data-highlights', 'tinted')
  expect(await paintedRule(page, 'key-position')).toContain('background-color')
  await page.keyboard.press('Escape')
  await page.screenshot({ path: 'test-results/first-impression-tinted.png' })

  await page.reload()
  await expect(page.locator('article h1')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-highlights', 'tinted')
  await expect.poll(() => paintedRule(page, 'key-position')).toContain('background-color')
})

test('the note editor keeps its first line and its Done button on screen', async ({ launch }) => {
  const page = await launch()
  // A short window: the card beside the first highlight ends near its bottom edge.
  await page.setViewportSize({ width: 1280, height: 600 })
  await expect(page.locator('article h1')).toBeVisible()
  const card = page.getByRole('article', { name: /Highlight: Governments and industry/ })
  await expect(card).toBeVisible()
  await card.getByRole('button', { name: 'Add a note' }).click()
  const editor = page.getByRole('textbox', { name: /Note on/ })
  await expect(editor).toBeFocused()
  await editor.fill(
    Array.from({ length: 8 }, (_, i) => `Line ${i + 1} of a longer note.`).join('\n'),
  )
  const done = card.getByRole('button', { name: 'Done' })
  await expect(done).toBeVisible()
  await page.screenshot({ path: 'test-results/first-impression-note-editor.png' })

  const pane = (await page.getByRole('complementary', { name: 'Notes and cards' }).boundingBox())!
  await expect
    .poll(async () => {
      const doneBox = (await done.boundingBox())!
      return doneBox.y + doneBox.height <= 600
    })
    .toBe(true)
  const cardBox = (await card.boundingBox())!
  const editorBox = (await editor.boundingBox())!
  expect(cardBox.y).toBeGreaterThanOrEqual(pane.y)
  expect(editorBox.y).toBeGreaterThanOrEqual(pane.y)
  // The editor grows with the note instead of scrolling its first line away.
  expect(await editor.evaluate((element) => element.scrollTop)).toBe(0)

  await done.click()
  await expect(card).toContainText('Line 1 of a longer note.')
})

test('the progress view labels the months and weekdays of the year and the forecast bars', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Review', exact: true }).click()
  const card = page.getByRole('article', { name: 'Card' })
  for (let i = 0; i < 3; i++) {
    await card.getByRole('button', { name: /Show answer/ }).click()
    await card.getByRole('button', { name: /Easy/ }).click()
  }
  await page.goto(page.url())
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Progress' }).click()
  await expect(page.getByText('reviews in all')).toBeVisible()

  const heatmap = page.getByRole('img', { name: /Reviews in the last year/ })
  const labels = await heatmap.locator('text').allTextContents()
  expect(labels).toEqual(expect.arrayContaining(['Mon', 'Wed', 'Fri']))
  expect(
    labels.filter((label) => !['Mon', 'Wed', 'Fri'].includes(label)).length,
  ).toBeGreaterThanOrEqual(10)

  const forecast = page.getByRole('img', { name: /Reviews due in the next 30 days/ })
  const values = await forecast.locator('text.value').allTextContents()
  expect(values.map(Number).reduce((sum, count) => sum + count, 0)).toBe(3)
  await expect(
    page.getByRole('table', { name: 'Reviews due each day' }).getByRole('row'),
  ).toHaveCount(values.length + 1)
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme)
    await page.screenshot({
      path: `test-results/first-impression-progress-${theme}.png`,
      fullPage: true,
    })
  }
})
