import { makeEpub } from '../support/epub-fixture'
import { dropFiles } from './support/drop-files'
import { test, expect } from './support/lectern'

test.use({ studyMaterial: false })

const notes = `# Reading notes on encryption\n\nThe **BSI** argues for *more* encryption.\n\n- Europol is against it\n- MEPs oppose scanning\n\n<script>window.__pwned = 1</script>`

test('drag and drop a Markdown file: it opens in the reader and the library lists it', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await dropFiles(page, [{ name: 'reading-notes.md', content: notes, type: 'text/markdown' }])
  await expect(page.locator('article.article h1')).toHaveText('Reading notes on encryption')
  await expect(page.locator('article.article')).toContainText('The BSI argues for more encryption.')
  await expect(page.locator('article.article')).toContainText('MEPs oppose scanning')
  await expect(page.locator('article.article script')).toHaveCount(0)
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined()
  await page.getByRole('button', { name: '← Library' }).click()
  await expect(page.getByRole('button', { name: /^Reading notes on encryption/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/library-after-import.png' })
})

test('bad files are refused with a message naming each, and nothing is stored', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await dropFiles(page, [
    { name: 'empty.txt', content: '' },
    { name: 'photo.txt', content: [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d] },
    { name: 'book.epub', content: 'PK' },
  ])
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('“empty.txt” is empty')
  await expect(alert).toContainText('“photo.txt” looks like binary data')
  await expect(alert).toContainText('“book.epub” is not a readable EPUB')
  await page.screenshot({ path: 'test-results/import-refused.png' })
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await expect(page.getByRole('listitem')).toHaveCount(1)
})

test('a changed version of a file becomes a new revision, not a second document', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await dropFiles(page, [{ name: 'reading-notes.md', content: notes }])
  await expect(page.locator('article.article h1')).toHaveText('Reading notes on encryption')
  await dropFiles(page, [{ name: 'reading-notes.md', content: notes.replace('more', 'much more') }])
  await expect(page.locator('article.article')).toContainText(
    'The BSI argues for much more encryption.',
  )
  await page.getByRole('button', { name: '← Library' }).click()
  await expect(page.getByRole('listitem')).toHaveCount(2)
})

test('search finds a word in a dropped Markdown file as it is typed; a hit opens the passage', async ({
  launch,
}) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await dropFiles(page, [
    {
      name: 'herons.md',
      content: '# Herons\n\nGrey herons wait by the river for hours.\n\nThey rarely miss.',
    },
  ])
  await expect(page.locator('article.article h1')).toHaveText('Herons')
  await page.getByRole('button', { name: '← Library' }).click()
  await page.keyboard.press('/')
  const search = page.getByRole('combobox', { name: 'Search text, highlights and notes' })
  await search.pressSequentially('riv', { delay: 30 })
  const hit = page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()
  await expect(hit).toContainText('Herons')
  await expect(hit.locator('mark')).toHaveText('river')
  await page.screenshot({ path: 'test-results/search.png' })
  await page.keyboard.press('Enter')
  await expect(page.locator('article.article h1')).toHaveText('Herons')
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...(CSS.highlights.get('lectern-flash') ?? [])].map((r) => r.toString()).join(),
      ),
    )
    .toBe('river')
})

test('the library filters, sorts, and deletes a document with undo', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  await dropFiles(page, [{ name: 'aardvarks.md', content: '# Aardvarks\n\nThey dig at night.' }])
  await expect(page.locator('article.article h1')).toHaveText('Aardvarks')
  await page.getByRole('button', { name: '← Library' }).click()
  const titles = page.locator('.document .title')
  await expect(titles).toHaveText([
    'Aardvarks',
    'Europol warns industry and governments about end-to-end encryption',
  ])
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title')
  await expect(titles.first()).toHaveText('Aardvarks')
  await page.getByRole('searchbox', { name: 'Filter documents' }).fill('heise')
  await expect(titles).toHaveText([
    'Europol warns industry and governments about end-to-end encryption',
  ])
  await page.getByRole('searchbox', { name: 'Filter documents' }).fill('')

  await page.getByRole('button', { name: 'Delete “Aardvarks”' }).click()
  await expect(titles).toHaveCount(1)
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Aardvarks”.' })).toBeVisible()
  await page.getByRole('button', { name: 'Undo' }).click()
  await expect(titles).toHaveCount(2)
  await page.getByRole('button', { name: /^Aardvarks/ }).click()
  await expect(page.locator('article.article')).toContainText('They dig at night.')
})

test('a long import shows its progress and can be cancelled between files', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const paragraph = 'A long paragraph of a long book that takes a moment to import. '.repeat(40)
  const book = Array.from({ length: 60 }, (_, i) => `Part ${i}\n\n${paragraph}`).join('\n\n')
  await dropFiles(
    page,
    Array.from({ length: 40 }, (_, i) => ({
      name: `book-${String(i).padStart(2, '0')}.txt`,
      content: book,
    })),
  )
  const progress = page.getByRole('progressbar', { name: 'Import progress' })
  await expect(progress).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('alert')).toContainText(/Import stopped: \d+ files were not imported/)
  await expect(progress).toHaveCount(0)
  await page.goto(page.url())
  await page.getByRole('button', { name: '← Library' }).click()
  const count = await page.getByRole('listitem').count()
  expect(count).toBeGreaterThan(1)
  expect(count).toBeLessThan(41)
})

test('an EPUB book opens with its chapters and its pictures', async ({ launch }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const bytes = [...makeEpub()]
  await dropFiles(page, [{ name: 'small-book.epub', content: bytes, type: 'application/epub+zip' }])
  await expect(page.locator('article.article h1')).toHaveText('A Small Book')
  await expect(page.locator('article.article h2').first()).toHaveText('Chapter One')
  const picture = page.locator('article.article img[alt="A heron"]')
  await expect(picture).toHaveAttribute('src', /^data:image\/png;base64,/)
  await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1)
  await expect(page.locator('article.article')).toContainText('The second chapter ends at the sea.')
  await page.getByRole('tab', { name: 'Contents' }).click()
  const contents = page.getByRole('navigation', { name: 'Contents' })
  await expect(contents.getByRole('button')).toHaveText(['1. The River', '2. The Sea'])
  await contents.getByRole('button', { name: '2. The Sea' }).click()
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...(CSS.highlights.get('lectern-flash') ?? [])].map((r) => r.toString()).join(),
      ),
    )
    .toBe('Chapter Two')
})
