import type { Page } from '@playwright/test'
import { test, expect } from './support/lectern'

// The reader in a narrow window: the toolbar keeps every control on one line, the less used
// actions move into a labelled "More" menu, and the side pane shrinks so the text keeps a column.

interface Box {
  name: string
  x: number
  y: number
  width: number
  height: number
}

/** The boxes of the toolbar's controls (each button; a group's buttons one by one). */
async function toolbarControls(page: Page): Promise<Box[]> {
  return page.locator('header.toolbar').evaluate((toolbar) =>
    [...toolbar.querySelectorAll<HTMLElement>('button')].map((button) => {
      const box = button.getBoundingClientRect()
      return {
        name: button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '',
        x: box.x,
        y: box.y,
        width: box.width,
        height: box.height,
        // A label cut or wrapped inside its button is wider or taller than the button shows.
        ...(button.scrollWidth > button.clientWidth + 1 ||
        button.scrollHeight > button.clientHeight + 1
          ? { height: 999 }
          : {}),
      }
    }),
  )
}

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

for (const width of [700, 900, 1280]) {
  test(`at ${width} px wide every toolbar control is on one row, apart, inside the window, and the side pane and the text fit`, async ({
    launch,
  }) => {
    const page = await launch()
    await page.setViewportSize({ width, height: 800 })
    await expect(page.locator('article h1')).toBeVisible()
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: `test-results/narrow-window-${width}.png` })

    const controls = await toolbarControls(page)
    expect(controls.length).toBeGreaterThanOrEqual(8)
    const rowTop = controls[0]!.y
    for (const control of controls) {
      expect(control.height, `${control.name} keeps one line`).toBeLessThanOrEqual(36)
      expect(Math.abs(control.y - rowTop), `${control.name} is on the row`).toBeLessThan(2)
      expect(control.x, `${control.name} starts in the window`).toBeGreaterThanOrEqual(0)
      expect(control.x + control.width, `${control.name} ends in the window`).toBeLessThanOrEqual(
        width,
      )
    }
    for (const [index, a] of controls.entries())
      for (const b of controls.slice(index + 1))
        expect(intersects(a, b), `${a.name} and ${b.name} overlap`).toBe(false)

    const pane = (await page.getByRole('complementary', { name: 'Notes and cards' }).boundingBox())!
    const text = (await page.locator('.scroller').boundingBox())!
    expect(pane.x + pane.width).toBeLessThanOrEqual(width)
    expect(pane.width).toBeLessThanOrEqual(Math.ceil(width * 0.42))
    expect(text.x + text.width).toBeLessThanOrEqual(pane.x + 1)
    // A readable column: about 45 characters of the reading type at its default size.
    expect(text.width).toBeGreaterThanOrEqual(380)
    await expect(page.getByRole('button', { name: 'More actions' })).toBeVisible()
    const overflowing = await page
      .locator('.scroller')
      .evaluate((scroller) => scroller.scrollWidth > scroller.clientWidth)
    expect(overflowing).toBe(false)
  })
}

test('the less used actions are in a labelled menu the keyboard opens, moves through and leaves', async ({
  launch,
}) => {
  const page = await launch()
  await page.setViewportSize({ width: 700, height: 800 })
  await expect(page.locator('article h1')).toBeVisible()
  // At 700 px these live in the menu, not the toolbar.
  for (const name of ['Export', 'Side by side', 'Progress'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0)

  const more = page.getByRole('button', { name: 'More actions' })
  await expect(more).toHaveAttribute('aria-haspopup', 'menu')
  await more.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu', { name: 'More actions' })
  await expect(menu).toBeVisible()
  await expect(more).toHaveAttribute('aria-expanded', 'true')
  await expect(menu.getByRole('menuitem', { name: 'Side by side' })).toBeFocused()
  await page.screenshot({ path: 'test-results/narrow-window-menu.png' })
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Progress' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(menu.getByRole('menuitem', { name: 'Keyboard shortcuts' })).toBeFocused()
  // A letter in the menu is not a reader shortcut ("l" would open the library).
  await page.keyboard.press('l')
  await expect(page.locator('article h1')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  await expect(more).toBeFocused()

  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Side by side' })).toBeFocused()
  await menu.getByRole('menuitem', { name: 'Export' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(menu).toHaveCount(0)
  await page.keyboard.press('Escape')

  await more.click()
  await menu.getByRole('menuitemradio', { name: 'Dark theme' }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(menu.getByRole('menuitemradio', { name: 'Dark theme' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await page.screenshot({ path: 'test-results/narrow-window-menu-dark.png' })
  await page.mouse.click(200, 400)
  await expect(menu).toHaveCount(0)
})

test('the side pane shrinks with the window and comes back to its width in a wide one', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const divider = page.getByRole('separator', { name: 'Resize the side pane' })
  await divider.focus()
  await page.keyboard.press('Home')
  await expect(divider).toHaveAttribute('aria-valuenow', '537')
  await page.setViewportSize({ width: 700, height: 800 })
  await expect(divider).toHaveAttribute('aria-valuenow', '294')
  await expect(divider).toHaveAttribute('aria-valuemax', '294')
  const pane = (await page.getByRole('complementary', { name: 'Notes and cards' }).boundingBox())!
  expect(Math.round(pane.width)).toBe(294)
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(divider).toHaveAttribute('aria-valuenow', '537')
})
