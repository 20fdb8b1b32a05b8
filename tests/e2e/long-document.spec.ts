import { describe } from '../../src/shared/domain/anchoring'
import type { Highlight } from '../../src/shared/model'
import { generateProse, seededRandom } from '../support/generated-text'
import type { Services } from '../../src/main/services/create-services'
import { test, expect as baseExpect } from './support/lectern'

test.use({ studyMaterial: false })
// A book-length text takes seconds to lay out on a busy machine: every wait below is on what the
// page shows or the services hold, bounded generously rather than timed.
test.describe.configure({ timeout: 90_000 })
const expect = baseExpect.configure({ timeout: 20_000 })

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
  // The keys act on the highlights the reader has: wait until all three are painted.
  await page.waitForFunction(() => CSS.highlights.get('lectern-label-evidence')?.size === 3)

  // Keyboard: the next highlight, twice, brings the middle one on screen with its note level.
  const notes = page.getByRole('article', { name: /Highlight:/ })
  await page.locator('.scroller').focus()
  await page.keyboard.press('n')
  await expect(notes.filter({ hasText: 'Note number 0' })).toBeVisible()
  await page.keyboard.press('n')
  const note = notes.filter({ hasText: 'Note number 1' })
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
  await expect(notes).toHaveCount(1)

  const scroller = page.locator('.scroller')
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(10_000)
  // The place is saved a moment after scrolling stops: wait until the saved place is the one
  // on screen (the progress bar's), not one passed on the way there, before reloading.
  const progressBar = page.getByRole('progressbar', { name: 'Reading progress' })
  await expect
    .poll(async () => {
      const library = await services.library.list()
      const saved = library.find((doc) => doc.id === documentId)?.readingPosition?.progress ?? 0
      const shown = Number(await progressBar.getAttribute('aria-valuenow'))
      return shown > 30 && Math.round(saved * 100) === shown
    })
    .toBe(true)
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
  // Each scroll to the last card made brings the next page of cards, until all 150 are made.
  await expect
    .poll(async () => {
      await cards.last().scrollIntoViewIfNeeded()
      return cards.count()
    })
    .toBe(150)
  await expect(cards.last()).toContainText('Listed note 149')
  await expect(page.getByRole('status').filter({ hasText: 'more notes below' })).toHaveCount(0)
})
