import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './support/lectern'

// An axe-core scan (WCAG 2.1 A and AA rules) of every view and overlay, in each theme where
// colour matters; no serious or critical violation may remain. Then: focus is always visible.

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  view: string
  rule: string
  impact: string
  help: string
  nodes: string[]
}

/** Runs axe on the page as it is now; returns the serious and critical violations. */
async function scan(page: Page, view: string): Promise<Violation[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: {
              id: string
              impact: string
              help: string
              nodes: { target: string[] }[]
            }[]
          }>
        }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    })
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }))
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ view, ...v }))
}

test('every view and overlay passes axe with no serious or critical violation', async ({
  launch,
}) => {
  test.setTimeout(120_000)

  const page = await launch()
  page.setDefaultTimeout(10_000)
  await expect(page.locator('article h1')).toBeVisible()
  const found: Violation[] = []
  const views: string[] = []
  /** Closes the open dialog with Escape (the search field clears its query first). */
  const closeDialog = async () => {
    for (let tries = 0; tries < 3 && (await page.locator('dialog[open]').count()) > 0; tries++)
      await page.keyboard.press('Escape')
    await expect(page.locator('dialog[open]')).toHaveCount(0)
  }
  const check = async (view: string) => {
    views.push(view)
    found.push(...(await scan(page, view)))
  }

  await check('reader, notes beside the text (light)')
  for (const theme of ['Sepia', 'Dark']) {
    await page.getByRole('radio', { name: theme, exact: true }).click()
    await check(`reader (${theme.toLowerCase()})`)
  }
  await page.getByRole('radio', { name: 'Light', exact: true }).click()
  await page.getByRole('radio', { name: 'As a list' }).click()
  await check('reader, notes as a list')
  await page.getByRole('tab', { name: 'Cards' }).click()
  await check('reader, cards')
  await page.getByRole('tab', { name: 'Contents' }).click()
  await check('reader, contents')
  await page.getByRole('tab', { name: 'Notes' }).click()

  await page.locator('article.article').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('s')
  await expect(page.getByRole('status').filter({ hasText: 'Selected:' })).toBeAttached()
  await check('selection popover')
  await page.keyboard.press('h')
  await page.keyboard.press('a')
  await check('highlight actions')
  await page.keyboard.press('Escape')

  await page.keyboard.press('?')
  await expect(page.getByRole('dialog')).toBeVisible()
  await check('shortcuts overlay')
  await closeDialog()

  await page.keyboard.press('/')
  await page.keyboard.type('encryption')
  await expect(page.getByRole('dialog')).toBeVisible()
  await check('search')
  await closeDialog()

  await page.getByRole('button', { name: 'Export' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await check('export dialog')
  await closeDialog()

  await page.getByRole('button', { name: 'Side by side' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await check('side by side: choose a text')
  await closeDialog()

  await page.getByRole('button', { name: 'Positions' }).click()
  await expect(page.getByRole('heading', { name: 'Key positions' })).toBeVisible()
  await check('positions')
  await page.getByRole('button', { name: '← Text' }).click()

  await page.getByRole('button', { name: 'Review', exact: true }).click()
  await expect(page.getByRole('article', { name: 'Card' })).toBeVisible()
  await check('review, question')
  await page.keyboard.press('Space')
  await check('review, answer')
  await page.getByRole('button', { name: '← Library' }).click()
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await page.getByRole('button', { name: 'Progress' }).click()
  await expect(page.getByRole('heading', { name: 'Progress' })).toBeVisible()
  await check('progress')
  await page.getByRole('button', { name: '← Library' }).click()

  await page.keyboard.press('l')
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await check('library')
  await page.getByRole('button', { name: 'Check library…' }).click()
  await expect(page.getByRole('dialog')).toContainText('Everything is in order.')
  await check('check library')
  await closeDialog()
  await page.screenshot({ path: 'test-results/accessibility-library.png' })

  console.info(`axe: ${views.length} views scanned, ${found.length} serious or critical violations`)
  expect(found).toEqual([])
})

/** Tabs through the page; returns each control reached that shows no focus ring. */
async function controlsWithoutVisibleFocus(
  page: Page,
  presses: number,
  reached: Set<string>,
): Promise<string[]> {
  const missing: string[] = []
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null
      if (!element || element === document.body) return null
      const style = getComputedStyle(element)
      const hasRing =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none'
      const name =
        element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? ''
      return { hasRing, what: `${element.tagName.toLowerCase()} “${name}”` }
    })
    if (focused) reached.add(focused.what)
    if (focused && !focused.hasRing) missing.push(focused.what)
  }
  return [...new Set(missing)]
}

test('every control reached with Tab shows where the focus is', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const reached = new Set<string>()
  const missing = await controlsWithoutVisibleFocus(page, 40, reached)
  await page.keyboard.press('l')
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  missing.push(...(await controlsWithoutVisibleFocus(page, 30, reached)))
  expect(reached.size).toBeGreaterThan(25)
  expect(missing).toEqual([])
})

test('highlights, notes and cards are announced with what they are', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  // Each note in the side pane names its passage and its colour's meaning.
  await expect(
    page.getByRole('article', {
      name: /^Highlight: “?Governments and industry.* \(Key position\)$/,
    }),
  ).toBeVisible()
  // Moving between highlights by keyboard reads out place, meaning, words and note.
  await page.locator('article.article').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('n')
  await expect(
    page.getByRole('status').filter({ hasText: /^Highlight 1 of \d+, Key position: “/ }),
  ).toBeAttached()
  // Cards are listed by their question; a review card is a named article with named grades.
  await page.getByRole('tab', { name: 'Cards' }).click()
  expect(await page.getByRole('listitem', { name: /^Card: / }).count()).toBeGreaterThan(5)
  await page.getByRole('button', { name: 'Review', exact: true }).click()
  const card = page.getByRole('article', { name: 'Card' })
  await expect(card).toBeVisible()
  await page.keyboard.press('Space')
  const grades = card.getByRole('group', { name: 'How well did you remember?' })
  for (const grade of ['Again', 'Hard', 'Good', 'Easy'])
    await expect(grades.getByRole('button', { name: new RegExp(`^${grade}`) })).toBeVisible()
})
