import type { Page } from '@playwright/test'
import { test, expect } from './support/lectern'
import { clickText, dragSelect } from './support/text-helpers'

// The article alone: the reader's own highlights, not the bundled positions.
test.use({ studyMaterial: false })

/** Highlights a passage of the article in the colour named. */
async function highlightAs(page: Page, quote: string, colour: string): Promise<void> {
  await dragSelect(page, quote)
  await page
    .getByRole('toolbar', { name: 'Highlight the selection' })
    .getByRole('button', { name: colour })
    .click()
  await expect(
    page.getByRole('article', { name: new RegExp(`Highlight: ${quote.slice(0, 20)}`) }),
  ).toBeVisible()
}

/** Opens the card editor from a highlight's actions, as the reader does with "Card". */
async function proposeCardFor(page: Page, words: string) {
  await clickText(page, words)
  await page
    .getByRole('toolbar', { name: 'Highlight actions' })
    .getByRole('button', { name: 'Card' })
    .click()
  const editor = page.getByRole('dialog', { name: 'New card' })
  await expect(editor).toBeVisible()
  return editor
}

test('a Definition highlight proposes a term → definition card, which the reader can switch and edit', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await highlightAs(page, 'Absolutism is not useful on either side.', 'Definition')

  const editor = await proposeCardFor(page, 'Absolutism')
  await expect(editor.getByRole('radio', { name: 'Term → definition' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await expect(editor.getByRole('textbox', { name: 'Front (question)' })).toHaveValue('Absolutism')
  await expect(editor.getByRole('textbox', { name: 'Back (answer)' })).toHaveValue(
    'not useful on either side.',
  )
  await page.screenshot({ path: 'test-results/card-by-meaning-definition.png' })

  // Another kind, and back: what the reader wrote in each stays.
  await editor.getByRole('textbox', { name: 'Back (answer)' }).fill('Useful on neither side.')
  await editor.getByRole('radio', { name: 'Cloze' }).click()
  await expect(editor.getByRole('textbox').first()).toHaveValue(
    '{{c1::Absolutism}} is not useful on either side.',
  )
  await editor.getByRole('radio', { name: 'Term → definition' }).click()
  await expect(editor.getByRole('textbox', { name: 'Back (answer)' })).toHaveValue(
    'Useful on neither side.',
  )
  await editor.getByRole('button', { name: 'Save card' }).click()
  await expect(editor).toHaveCount(0)
  await page.getByRole('tab', { name: 'Cards' }).click()
  await expect(page.getByRole('listitem', { name: /Card: Absolutism/ })).toBeVisible()
})

test('a whole highlighted sentence never proposes a "[…]" question, whatever its colour', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await highlightAs(page, 'Such demands sound familiar.', 'Evidence')
  const evidence = await proposeCardFor(page, 'demands')
  await expect(evidence.getByRole('radio', { name: 'Cloze' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await expect(evidence.getByRole('textbox').first()).toHaveValue(
    'Such demands sound {{c1::familiar}}.',
  )
  await evidence.getByRole('button', { name: 'Save card' }).click()
  await expect(evidence).toHaveCount(0)

  const position =
    'In his role as Federal Digital Minister, Volker Wissing even wants to enshrine the right to encryption in law.'
  await highlightAs(page, position, 'Key position')
  const keyPosition = await proposeCardFor(page, 'enshrine')
  await expect(keyPosition.getByRole('textbox', { name: 'Front (question)' })).toHaveValue(
    'What does Volker Wissing want?',
  )
  await expect(keyPosition.getByRole('textbox', { name: 'Back (answer)' })).toHaveValue(position)
  await page.screenshot({ path: 'test-results/card-by-meaning-position.png' })
  await keyPosition.getByRole('button', { name: 'Cancel' }).click()
  await expect(keyPosition).toHaveCount(0)

  await page.getByRole('button', { name: 'Review', exact: true }).click()
  const card = page.getByRole('article', { name: 'Card' })
  await expect(card).toContainText('Such demands sound […].')
})

test('a colour’s card kind is changed in the label editor, and the next proposal follows it', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await highlightAs(page, 'Absolutism is not useful on either side.', 'Definition')

  await page.getByRole('button', { name: 'Edit colours…' }).click()
  const colours = page.getByRole('dialog', { name: 'Highlight colours' })
  const definitionCard = colours.getByRole('combobox', { name: 'Card of colour 4' })
  await expect(definitionCard).toHaveValue('term-definition')
  await definitionCard.selectOption({ label: 'Question' })
  await page.screenshot({ path: 'test-results/card-by-meaning-label-editor.png' })
  await colours.getByRole('button', { name: 'Save' }).click()
  await expect(colours).toHaveCount(0)

  const editor = await proposeCardFor(page, 'Absolutism')
  await expect(editor.getByRole('radio', { name: 'Question' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  await expect(editor.getByRole('textbox', { name: 'Front (question)' })).toHaveValue(
    'What does this passage say about Absolutism?',
  )
  await editor.getByRole('button', { name: 'Cancel' }).click()

  // The choice is kept with the labels, across a restart.
  await page.reload()
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Edit colours…' }).click()
  await expect(
    page
      .getByRole('dialog', { name: 'Highlight colours' })
      .getByRole('combobox', { name: 'Card of colour 4' }),
  ).toHaveValue('question')
})
