import type { Page } from '@playwright/test'
import {
  builtInKeys,
  commands,
  describeKey,
  type BuiltInKeyLabel,
  type CommandId,
} from '../../src/renderer/src/lib/commands'
import { test, expect } from './support/lectern'

// Every shortcut the overlay and the README list, pressed as a reader would, in the reader with
// the bundled article (and on the review screen for the review keys), with its effect checked.
// The keys come from the command registry itself; a check per command id, so a new command
// without a check here does not type-check.

/** Checks that pressing `key` (as the registry writes it) does what its command says. */
type Check = (page: Page, key: string) => Promise<void>

/** Playwright's name for a key as the registry writes it (`Ctrl+` is Control here). */
const playwrightKey = (written: string) => written.replace(/^Ctrl\+/, 'Control+')
const press = (page: Page, written: string) => page.keyboard.press(playwrightKey(written))

async function openReader(page: Page): Promise<void> {
  await expect(page.locator('article h1')).toBeVisible()
  await page.locator('.scroller').focus()
}

const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text })

/** How many highlights are painted in the text, of any colour. */
const paintedCount = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('lectern-label-'))
      .reduce((sum, [, highlight]) => sum + highlight.size, 0),
  )

const selectionLength = (page: Page) =>
  page.evaluate(() => document.getSelection()?.toString().length ?? 0)

const readingSize = (page: Page) =>
  page.evaluate(() => parseFloat(document.documentElement.style.getPropertyValue('--reading-size')))

const scrollTop = (page: Page) => page.locator('.scroller').evaluate((el) => el.scrollTop)

/** Moves to the first highlight with `n`, as the highlight commands need one. */
async function focusFirstHighlight(page: Page): Promise<void> {
  await press(page, commands['next-highlight'].keys[0])
  await expect(status(page, /^Highlight 1 of \d+/)).toBeAttached()
}

/** Selects the next sentence with `s`. */
async function selectSentence(page: Page): Promise<void> {
  await press(page, commands['select-sentence'].keys[0])
  await expect.poll(() => selectionLength(page)).toBeGreaterThan(0)
}

/** Highlights a new sentence; returns how many highlights are painted after it. */
async function highlightSentence(page: Page): Promise<number> {
  const before = await paintedCount(page)
  await selectSentence(page)
  await press(page, commands.highlight.keys[0])
  await expect.poll(() => paintedCount(page)).toBe(before + 1)
  return before + 1
}

/** Opens the review screen on its first due card. */
async function openReview(page: Page): Promise<void> {
  await expect(page.locator('article h1')).toBeVisible()
  await press(page, commands['start-review'].keys[0])
  await expect(page.getByRole('article', { name: 'Card' })).toBeVisible()
}

const toGo = async (page: Page) =>
  Number(/(\d+) to go/.exec((await page.locator('.progress').textContent()) ?? '')?.[1])

/** Grows or shrinks the selection with a Shift+arrow, after `prepare` made one. */
function selectionChange(direction: 'grows' | 'shrinks', prepare: string[]): Check {
  return async (page, key) => {
    await openReader(page)
    await selectSentence(page)
    for (const step of prepare) await press(page, step)
    const before = await selectionLength(page)
    await press(page, key)
    if (direction === 'grows')
      await expect.poll(() => selectionLength(page)).toBeGreaterThan(before)
    else await expect.poll(() => selectionLength(page)).toBeLessThan(before)
  }
}

/** Grades the shown answer with a number key: one card reviewed. */
const grades: Check = async (page, key) => {
  await openReview(page)
  await press(page, 'Space')
  await press(page, key)
  await expect(page.locator('.progress')).toContainText('1 reviewed')
}

const commandChecks: Record<CommandId, Check> = {
  'text-larger': async (page, key) => {
    await openReader(page)
    const before = await readingSize(page)
    await press(page, key)
    await expect.poll(() => readingSize(page)).toBeGreaterThan(before)
  },
  'text-smaller': async (page, key) => {
    await openReader(page)
    const before = await readingSize(page)
    await press(page, key)
    await expect.poll(() => readingSize(page)).toBeLessThan(before)
  },
  'next-theme': async (page, key) => {
    await openReader(page)
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    await press(page, key)
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
  },
  'toggle-side-pane': async (page, key) => {
    await openReader(page)
    const notes = page.getByRole('tab', { name: 'Notes' })
    await expect(notes).toBeVisible()
    await press(page, key)
    await expect(notes).toHaveCount(0)
    await press(page, key)
    await expect(notes).toBeVisible()
  },
  'select-sentence': async (page, key) => {
    await openReader(page)
    await press(page, key)
    await expect(status(page, 'Selected:')).toBeAttached()
    expect(await selectionLength(page)).toBeGreaterThan(0)
  },
  'grow-by-word': selectionChange('grows', []),
  'shrink-by-word': selectionChange('shrinks', ['Shift+ArrowRight', 'Shift+ArrowRight']),
  'grow-by-sentence': selectionChange('grows', []),
  'shrink-by-sentence': selectionChange('shrinks', ['Shift+ArrowDown']),
  highlight: async (page, key) => {
    await openReader(page)
    const before = await paintedCount(page)
    await selectSentence(page)
    await press(page, key)
    await expect.poll(() => paintedCount(page)).toBe(before + 1)
    await expect(status(page, 'Highlighted:')).toBeAttached()
  },
  'next-highlight': async (page, key) => {
    await openReader(page)
    await press(page, key)
    await expect(status(page, /^Highlight 1 of \d+/)).toBeAttached()
    await press(page, key)
    await expect(status(page, /^Highlight 2 of \d+/)).toBeAttached()
  },
  'previous-highlight': async (page, key) => {
    await openReader(page)
    await focusFirstHighlight(page)
    await press(page, commands['next-highlight'].keys[0])
    await expect(status(page, /^Highlight 2 of/)).toBeAttached()
    await press(page, key)
    await expect(status(page, /^Highlight 1 of/)).toBeAttached()
  },
  'highlight-actions': async (page, key) => {
    await openReader(page)
    await focusFirstHighlight(page)
    await press(page, key)
    await expect(page.getByRole('toolbar', { name: 'Highlight actions' })).toBeVisible()
  },
  'open-note': async (page, key) => {
    await openReader(page)
    await focusFirstHighlight(page)
    await press(page, key)
    await expect(page.getByRole('textbox', { name: /Note on/ })).toBeFocused()
  },
  'make-card': async (page, key) => {
    await openReader(page)
    await focusFirstHighlight(page)
    await press(page, key)
    const editor = page.getByRole('dialog', { name: 'New card' })
    await expect(editor).toBeVisible()
    // The first bundled highlight is a Key position: its card asks what its actor wants.
    await expect(editor.getByRole('textbox').first()).toHaveValue(
      'What do Europol and the European police chiefs want?',
    )
    // The card editor's Escape is the dialog's: it closes, and the reader does not act on it.
    await press(page, 'Escape')
    await expect(editor).toHaveCount(0)
    await expect(status(page, /^Highlight 1 of/)).toBeAttached()
  },
  'delete-highlight': async (page, key) => {
    await openReader(page)
    const before = await paintedCount(page)
    await focusFirstHighlight(page)
    await press(page, key)
    await expect.poll(() => paintedCount(page)).toBe(before - 1)
    await expect(status(page, 'Highlight deleted.')).toBeAttached()
  },
  'leave-highlight': async (page, key) => {
    await openReader(page)
    await focusFirstHighlight(page)
    await press(page, commands['highlight-actions'].keys[0])
    const actions = page.getByRole('toolbar', { name: 'Highlight actions' })
    await expect(actions).toBeVisible()
    await press(page, key)
    await expect(actions).toHaveCount(0)
    await selectSentence(page)
    await press(page, key)
    await expect.poll(() => selectionLength(page)).toBe(0)
  },
  undo: async (page, key) => {
    await openReader(page)
    const after = await highlightSentence(page)
    await press(page, key)
    await expect.poll(() => paintedCount(page)).toBe(after - 1)
  },
  redo: async (page, key) => {
    await openReader(page)
    const after = await highlightSentence(page)
    await press(page, commands.undo.keys[0])
    await expect.poll(() => paintedCount(page)).toBe(after - 1)
    await press(page, key)
    await expect.poll(() => paintedCount(page)).toBe(after)
  },
  'show-answer': async (page, key) => {
    await openReview(page)
    await press(page, key)
    await expect(page.getByRole('group', { name: 'How well did you remember?' })).toBeVisible()
  },
  'grade-again': grades,
  'grade-hard': grades,
  'grade-good': grades,
  'grade-easy': grades,
  'undo-answer': async (page, key) => {
    await openReview(page)
    await press(page, 'Space')
    await press(page, commands['grade-good'].keys[0])
    await expect(page.locator('.progress')).toContainText('1 reviewed')
    await press(page, key)
    await expect(page.locator('.progress')).toContainText('0 reviewed')
  },
  'edit-card': async (page, key) => {
    await openReview(page)
    await press(page, key)
    await expect(page.getByRole('dialog', { name: 'Edit card' })).toBeVisible()
  },
  'suspend-card': async (page, key) => {
    await openReview(page)
    const before = await toGo(page)
    await press(page, key)
    await expect.poll(() => toGo(page)).toBe(before - 1)
  },
  'bury-card': async (page, key) => {
    await openReview(page)
    const before = await toGo(page)
    await press(page, key)
    await expect.poll(() => toGo(page)).toBe(before - 1)
  },
  'open-source': async (page, key) => {
    await openReview(page)
    await press(page, 'Space')
    await press(page, key)
    await expect(page.locator('article h1')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Review' })).toHaveCount(0)
  },
  'show-library': async (page, key) => {
    await openReader(page)
    await press(page, key)
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  },
  'start-review': async (page, key) => {
    await openReader(page)
    await press(page, key)
    await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible()
  },
  search: async (page, key) => {
    await openReader(page)
    await press(page, key)
    const field = page.getByRole('combobox', { name: 'Search text, highlights and notes' })
    await expect(field).toBeFocused()
    // Typed into the search field, a shortcut's key is only a letter.
    await page.keyboard.type('the')
    await expect(field).toHaveValue('the')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  },
  'show-export': async (page, key) => {
    await openReader(page)
    await press(page, key)
    await expect(page.getByRole('dialog', { name: 'Export, import and back up' })).toBeVisible()
  },
  'show-shortcuts': async (page, key) => {
    await openReader(page)
    await press(page, key)
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(overlay).toBeVisible()
    // It lists every command and the keys for it.
    for (const command of Object.values(commands)) {
      const exactly = new RegExp(`^${command.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
      const row = overlay.locator('dd').filter({ hasText: exactly })
      await expect(row).toHaveCount(1)
      await expect(row.locator('xpath=preceding-sibling::dt[1]')).toHaveText(
        command.keys.map(describeKey).join('or'),
      )
    }
    await page.screenshot({ path: 'test-results/keyboard-shortcuts.png' })
    // Single keys stand still under the overlay.
    await press(page, commands['next-theme'].keys[0])
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  },
}

const builtInChecks: Record<BuiltInKeyLabel, Check> = {
  'Scroll a line': async (page, key) => {
    await openReader(page)
    await page.keyboard.press('PageDown')
    await expect.poll(() => scrollTop(page)).toBeGreaterThan(0)
    const before = await scrollTop(page)
    await press(page, key)
    await expect.poll(() => scrollTop(page)).not.toBe(before)
  },
  'Scroll a page down': async (page, key) => {
    await openReader(page)
    const before = await scrollTop(page)
    await press(page, key)
    await expect.poll(() => scrollTop(page)).toBeGreaterThan(before + 200)
  },
  'Scroll a page up': async (page, key) => {
    await openReader(page)
    await page.keyboard.press('PageDown')
    await page.keyboard.press('PageDown')
    await expect.poll(() => scrollTop(page)).toBeGreaterThan(400)
    const before = await scrollTop(page)
    await press(page, key)
    await expect.poll(() => scrollTop(page)).toBeLessThan(before - 200)
  },
  'Go to the start or the end': async (page, key) => {
    await openReader(page)
    await page.keyboard.press('PageDown')
    await expect.poll(() => scrollTop(page)).toBeGreaterThan(0)
    const before = await scrollTop(page)
    await press(page, key)
    await expect.poll(() => scrollTop(page)).not.toBe(before)
  },
  'On the divider: resize the side pane (with Shift: faster)': async (page, key) => {
    await openReader(page)
    const divider = page.getByRole('separator', { name: 'Resize the side pane' })
    await divider.focus()
    const before = await divider.getAttribute('aria-valuenow')
    await press(page, key)
    await expect(divider).not.toHaveAttribute('aria-valuenow', before ?? '')
  },
  'In a note: save it and go back to the text': async (page, key) => {
    await openReader(page)
    await focusFirstHighlight(page)
    await press(page, commands['open-note'].keys[0])
    const note = page.getByRole('textbox', { name: /Note on/ })
    await expect(note).toBeFocused()
    await page.keyboard.type('Saved on Esc.')
    await press(page, key)
    await expect(page.locator('.scroller')).toBeFocused()
    await expect(page.getByRole('article', { name: /Highlight:/ }).first()).toContainText(
      'Saved on Esc.',
    )
  },
  'Close an overlay or a dialog': async (page, key) => {
    await openReader(page)
    await press(page, commands['show-shortcuts'].keys[0])
    await expect(page.getByRole('dialog')).toBeVisible()
    await press(page, key)
    await expect(page.locator('dialog[open]')).toHaveCount(0)
    // The dialog took the Escape: the reader did not also act on it.
    await press(page, commands.search.keys[0])
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible()
    await press(page, key)
    await expect(page.locator('dialog[open]')).toHaveCount(0)
  },
}

// One test per key, each on a fresh library, so every key is checked from the same start.
for (const [id, command] of Object.entries(commands) as [CommandId, (typeof commands)[CommandId]][])
  for (const key of command.keys)
    test(`${describeKey(key)}: ${command.label}`, async ({ launch }) => {
      await commandChecks[id](await launch(), key)
    })

for (const builtIn of builtInKeys)
  for (const key of builtIn.keys)
    test(`${describeKey(key)}: ${builtIn.label}`, async ({ launch }) => {
      await builtInChecks[builtIn.label](await launch(), key)
    })
