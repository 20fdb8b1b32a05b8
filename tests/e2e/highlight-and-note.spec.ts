import { storedOnDisk } from '../support/stored-on-disk'
import type { AnnotationsFile } from '../../src/main/store/schema'
import { test, expect } from './support/lectern'
import { clickText, dragSelect, paintedTexts } from './support/text-helpers'

// These flows start from the article alone, as a reader who removed its bundled positions.
test.use({ studyMaterial: false })

const documentId = 'europol-warns-about-e2ee'
const plattner = 'there must be more secure end-to-end encryption'

test('select, highlight, write a note, reload: still painted and listed', async ({
  launch,
  dataDir,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await dragSelect(page, plattner)
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: 'Key position' })
    .click()
  await expect.poll(() => paintedTexts(page, 'lectern-label-key-position')).toEqual([plattner])

  await clickText(page, 'more secure')
  await page
    .getByRole('toolbar', { name: 'Highlight actions' })
    .getByRole('button', { name: 'Add note' })
    .click()
  const note = page.getByRole('textbox', { name: /Note on/ })
  await expect(note).toBeFocused()
  await note.fill('The **BSI** head argues *for* encryption.')
  await page.getByRole('textbox', { name: 'Tags' }).fill('BSI, stance')
  await page.getByRole('button', { name: 'Done' }).click()
  const card = page.getByRole('article', { name: /Highlight: there must be more secure/ })
  await expect(card.locator('strong')).toHaveText('BSI')
  await expect(card).toContainText('#stance')
  await page.screenshot({ path: 'test-results/highlight-with-note.png' })
  // Beside the text: the note sits level with its highlight.
  const highlightTop = await page.evaluate(
    () =>
      ([...CSS.highlights.get('lectern-label-key-position')!][0] as Range).getBoundingClientRect()
        .top,
  )
  await expect
    .poll(async () => Math.abs((await card.boundingBox())!.y - highlightTop))
    .toBeLessThan(12)

  // As the next start reads it: the file with its journal of small saves.
  const stored = await storedOnDisk<AnnotationsFile>(
    dataDir,
    `documents/${documentId}/annotations.json`,
  )
  expect(stored.highlights[0]).toMatchObject({
    note: 'The **BSI** head argues *for* encryption.',
    tags: ['bsi', 'stance'],
  })

  await page.reload()
  await expect.poll(() => paintedTexts(page, 'lectern-label-key-position')).toEqual([plattner])
  await expect(
    page.getByRole('article', { name: /Highlight: there must be more secure/ }).locator('strong'),
  ).toHaveText('BSI')
})

test('two overlapping highlights are each clickable', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await dragSelect(page, 'Volker Wissing even wants to enshrine')
  await page.keyboard.press('h')
  await expect.poll(() => paintedTexts(page, 'lectern-label-key-position')).toHaveLength(1)
  await dragSelect(page, 'enshrine the right to encryption in law')
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: 'Evidence' })
    .click()
  await expect
    .poll(() => paintedTexts(page, 'lectern-label-evidence'))
    .toEqual(['enshrine the right to encryption in law'])

  await clickText(page, 'Wissing')
  const actions = page.getByRole('toolbar', { name: 'Highlight actions' })
  await expect(actions.getByRole('button', { name: 'Colour: Key position' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page.keyboard.press('Escape')
  await clickText(page, 'in law')
  await expect(actions.getByRole('button', { name: 'Colour: Evidence' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await actions.getByRole('button', { name: 'Colour: Question' }).click()
  await expect
    .poll(() => paintedTexts(page, 'lectern-label-question'))
    .toEqual(['enshrine the right to encryption in law'])
  await page.screenshot({ path: 'test-results/overlapping-highlights.png' })
})

test('undo and redo a highlight, a recolour and a deletion', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await dragSelect(page, 'Absolutism is not useful on either side.')
  await page.keyboard.press('h')
  await expect.poll(() => paintedTexts(page, 'lectern-label-key-position')).toHaveLength(1)

  await page.keyboard.press('Control+z')
  await expect.poll(() => paintedTexts(page, 'lectern-label-key-position')).toEqual([])
  await page.keyboard.press('Control+Shift+z')
  await expect
    .poll(() => paintedTexts(page, 'lectern-label-key-position'))
    .toEqual(['Absolutism is not useful on either side.'])

  await clickText(page, 'Absolutism')
  await page.getByRole('button', { name: 'Delete' }).click()
  await expect.poll(() => paintedTexts(page, 'lectern-label-key-position')).toEqual([])
  await page.keyboard.press('Control+z')
  await expect.poll(() => paintedTexts(page, 'lectern-label-key-position')).toHaveLength(1)
})

test('keyboard only: select a sentence, highlight it, write its note and come back', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await page.locator('.scroller').focus()
  await page.keyboard.press('s')
  await page.keyboard.press('s')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('h')
  await expect
    .poll(async () => (await paintedTexts(page, 'lectern-label-key-position')).length)
    .toBe(1)
  const [painted] = await paintedTexts(page, 'lectern-label-key-position')
  expect(painted).toMatch(/^Europol warns that governments and industry/)

  await page.keyboard.press('n')
  await expect(
    page.getByRole('status').filter({ hasText: 'Highlight 1 of 1, Key position: “Europol warns' }),
  ).toBeAttached()
  await page.keyboard.press('Enter')
  const note = page.getByRole('textbox', { name: /Note on/ })
  await expect(note).toBeFocused()
  await page.keyboard.type('Written without a mouse.')
  await page.keyboard.press('Escape')
  await expect(page.locator('.scroller')).toBeFocused()
  await expect(page.getByRole('article', { name: /Highlight:/ })).toContainText(
    'Written without a mouse.',
  )
})

test('highlight colours can be renamed and recoloured, and stay so', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await dragSelect(page, 'Absolutism is not useful on either side.')
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: 'Question' })
    .click()
  await page.getByRole('button', { name: 'Edit colours…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Highlight colours' })
  await dialog.getByRole('textbox', { name: 'Name of colour 3' }).fill('Doubt')
  await dialog.getByLabel('Colour 3', { exact: true }).fill('#ff0000')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('group', { name: 'Filter by colour' })).toContainText('Doubt')
  const paintedColour = () =>
    page.evaluate(() => {
      const rules = document.adoptedStyleSheets.flatMap((sheet) =>
        [...sheet.cssRules].map((rule) => rule.cssText),
      )
      return rules.find((rule) => rule.includes('lectern-label-question')) ?? ''
    })
  await expect.poll(paintedColour).toContain('rgba(255, 0, 0')

  await page.reload()
  await expect(page.getByRole('group', { name: 'Filter by colour' })).toContainText('Doubt')
  await expect.poll(paintedColour).toContain('rgba(255, 0, 0')
  await expect(page.getByRole('article', { name: /Absolutism/ })).toContainText('Doubt')
})
