import { describe } from '../../src/shared/domain/anchoring'
import type { Highlight } from '../../src/shared/model'
import { generateProse, seededRandom } from '../support/generated-text'
import type { Services } from '../../src/main/services/create-services'
import { test, expect } from './support/lectern'

test.use({ studyMaterial: false })

/**
 * Imports a generated book of `size` characters titled `title` and gives it a highlight with a
 * note at each of `fractions` of its text (40 characters from the next word there).
 */
async function bookWithNotes(
  services: Services,
  title: string,
  size: number,
  fractions: readonly number[],
  labelId: string,
  noteOf: (index: number) => string,
): Promise<string> {
  const text = `${title}\n\n${generateProse(seededRandom(size), size)}`
  const imported = await services.library.importFile(new TextEncoder().encode(text), {
    fileName: `${title.toLowerCase().replaceAll(' ', '-')}.txt`,
  })
  if (!imported.ok) throw new Error(imported.error.message)
  const { id: documentId, revision } = imported.value.document
  const opened = await services.library.open(documentId)
  if (!opened.ok) throw new Error(opened.error.message)
  const content = opened.value.content.text
  const highlights: Highlight[] = fractions.map((fraction, index) => {
    const start = content.indexOf(' ', Math.floor(content.length * fraction)) + 1
    return {
      id: `${labelId}-${index}`,
      documentId,
      labelId,
      selectors: describe(content, start, start + 40),
      revisionId: revision.id,
      status: 'anchored',
      note: noteOf(index),
      tags: [],
      createdAt: '2026-11-28T09:00:00.000Z',
      updatedAt: '2026-11-28T09:00:00.000Z',
    }
  })
  await services.annotations.upsertMany(documentId, highlights)
  return documentId
}

// A book-length text: blocks off screen are not laid out and notes are made only near the
// visible part; what the reader sees must not change for that.
test('a long document: a far highlight’s note sits level with it, and the place survives a reload', async ({
  launch,
  running,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const services = running.services!
  const documentId = await bookWithNotes(
    services,
    'A Long Book',
    400_000,
    [0.1, 0.5, 0.9],
    'evidence',
    (index) => `Note number ${index}`,
  )
  await page.reload()
  await expect(page.locator('.doc-title')).toHaveText(/long book/i)

  // Keyboard: the next highlight, twice, brings the middle one on screen with its note level.
  await page.locator('.scroller').focus()
  await page.keyboard.press('n')
  await page.keyboard.press('n')
  const note = page
    .getByRole('article', { name: /Highlight:/ })
    .filter({ hasText: 'Note number 1' })
  await expect(note).toBeVisible()
  await expect
    .poll(async () => {
      const highlightTop = await page.evaluate(() => {
        const ranges = [...(CSS.highlights.get('lectern-focus') ?? [])] as Range[]
        return ranges[0]?.getBoundingClientRect().top ?? -1
      })
      return Math.abs((await note.boundingBox())!.y - highlightTop)
    })
    .toBeLessThan(12)
  // Only the notes near the screen are in the page.
  await expect(page.getByRole('article', { name: /Highlight:/ })).toHaveCount(1)

  const scroller = page.locator('.scroller')
  const top = await scroller.evaluate((element) => element.scrollTop)
  expect(top).toBeGreaterThan(10_000)
  await expect
    .poll(async () => {
      const library = await services.library.list()
      return library.find((doc) => doc.id === documentId)?.readingPosition?.progress ?? 0
    })
    .toBeGreaterThan(0.3)
  await page.reload()
  await expect(
    page.getByRole('article', { name: /Highlight:/ }).filter({ hasText: 'Note number 1' }),
  ).toBeVisible()
})

test('notes as a list are made a page at a time, more as the reader scrolls', async ({
  launch,
  running,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const services = running.services!
  await bookWithNotes(
    services,
    'Many Notes',
    200_000,
    Array.from({ length: 150 }, (_, index) => index / 160),
    'question',
    (index) => `Listed note ${index}`,
  )
  await page.reload()
  await expect(page.locator('.doc-title')).toHaveText(/many notes/i)
  await page.getByRole('radio', { name: 'As a list' }).click()
  const cards = page.getByRole('article', { name: /Highlight:/ })
  await expect(cards.first()).toContainText('Listed note 0')
  expect(await cards.count()).toBeLessThanOrEqual(40)
  await expect(page.getByRole('status').filter({ hasText: 'more notes below' })).toContainText(
    '110 more notes below',
  )
  for (let i = 0; i < 10 && (await cards.count()) < 150; i++) {
    await cards.last().scrollIntoViewIfNeeded()
    await page.waitForTimeout(100)
  }
  await expect(cards).toHaveCount(150)
  await expect(cards.last()).toContainText('Listed note 149')
  await expect(page.getByRole('status').filter({ hasText: 'more notes below' })).toHaveCount(0)
})
