import { mkdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import type { Services } from '../../src/main/services/create-services'
import { dropFiles } from './support/drop-files'
import { test, expect } from './support/lectern'

/**
 * The README's screenshots, made by the e2e run from the current tree so they cannot go stale.
 * `LECTERN_UPDATE_SCREENSHOTS=1` writes them over docs/screenshots/ (commit them then); any other
 * run writes them to test-results/readme-screenshots/ and leaves the tree clean.
 */
const repoRoot = resolve(__dirname, '../..')
const committedDir = join(repoRoot, 'docs/screenshots')
const isUpdating = process.env['LECTERN_UPDATE_SCREENSHOTS'] === '1'
const outDir = isUpdating ? committedDir : join(repoRoot, 'test-results/readme-screenshots')
const viewport = { width: 1280, height: 800 }
/** Every screenshot this spec writes: the README may show these and no other. */
const screenshots = [
  'reader.png',
  'reader-dark.png',
  'notes.png',
  'positions.png',
  'review.png',
  'shape.png',
]

const documentId = 'europol-warns-about-e2ee'
const firstEvidence =
  'Governments and industry must take urgent action against end-to-end encryption'
const note = 'Europol asks for **lawful access**: the police want to read what platforms carry.'

// The bundled article as on a first start, on a fixed clock: the same pictures on every run.
test.use({ viewport, studyMaterial: true })
const launchOptions = { now: () => new Date('2026-11-28T09:00:00.000Z') }

async function save(page: Page, name: string): Promise<void> {
  if (!screenshots.includes(name)) throw new Error(`${name} is not in the list of screenshots`)
  await mkdir(outDir, { recursive: true })
  // Web fonts are in before the picture is taken, or the text is set in a fallback face.
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.screenshot({ path: join(outDir, name) })
}

/** Gives the bundled first piece of evidence a note, as a reader would write one. */
async function writeNote(services: Services): Promise<void> {
  const loaded = await services.annotations.load(documentId)
  if (!loaded.ok) throw new Error(loaded.error.message)
  const highlight = loaded.value.highlights.find((h) =>
    h.selectors.quote.exact.startsWith(firstEvidence),
  )
  if (!highlight) throw new Error('the bundled study material highlights the first evidence')
  const updated = await services.annotations.update(documentId, highlight.id, { note })
  if (!updated.ok) throw new Error(updated.error.message)
}

/** The width and height a PNG file declares (its IHDR chunk). */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(path)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('the README shows only screenshots this spec writes, each committed at the fixed size', async () => {
  const readme = await readFile(join(repoRoot, 'README.md'), 'utf8')
  const shown = [...readme.matchAll(/!\[[^\]]*\]\(docs\/screenshots\/([^)]+)\)/g)].map(
    (match) => match[1],
  )
  expect(shown.length).toBeGreaterThan(0)
  for (const name of shown) {
    expect(screenshots, `README shows ${name}, which no spec writes`).toContain(name)
    expect(await pngSize(join(committedDir, name!)), `docs/screenshots/${name}`).toEqual(viewport)
  }
})

test('reader.png and reader-dark.png: the article with its study material and a note beside it', async ({
  launch,
  running,
}) => {
  const page = await launch(launchOptions)
  await expect(page.locator('article h1')).toBeVisible()
  await writeNote(running.services!)
  await page.reload()
  const card = page.getByRole('article', { name: /Highlight: Governments and industry/ })
  await expect(card.locator('strong')).toHaveText('lawful access')
  // Beside the text: the note is level with its highlight before the picture is taken.
  await expect
    .poll(async () => {
      const highlightTop = await page.evaluate((quote) => {
        const ranges = [...(CSS.highlights.get('lectern-label-key-position') ?? [])] as Range[]
        const range = ranges.find((r) => r.toString().startsWith(quote))
        return range?.getBoundingClientRect().top ?? -1000
      }, firstEvidence)
      return Math.abs((await card.boundingBox())!.y - highlightTop)
    })
    .toBeLessThan(24)
  await save(page, 'reader.png')

  await page.locator('.scroller').focus()
  await page.keyboard.press('t')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await page.keyboard.press('t')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await save(page, 'reader-dark.png')
})

test('notes.png: the study material’s highlights as a list', async ({ launch, running }) => {
  const page = await launch(launchOptions)
  await expect(page.locator('article h1')).toBeVisible()
  await writeNote(running.services!)
  await page.reload()
  await page.getByRole('radio', { name: 'As a list' }).click()
  await expect(
    page.getByRole('article', { name: /Highlight: Governments and industry/ }).locator('strong'),
  ).toHaveText('lawful access')
  await save(page, 'notes.png')
})

test('positions.png: the key positions side by side', async ({ launch }) => {
  const page = await launch(launchOptions)
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Positions' }).click()
  await expect(page.locator('article.actor')).toHaveCount(6)
  await save(page, 'positions.png')
})

test('review.png: a card of the starter deck, answer shown', async ({ launch }) => {
  const page = await launch(launchOptions)
  await expect(page.locator('article h1')).toBeVisible()
  await page.getByRole('button', { name: 'Review', exact: true }).click()
  const card = page.getByRole('article', { name: 'Card' })
  await expect(card).toBeVisible()
  await page.keyboard.press('Space')
  await expect(card.getByRole('button', { name: /Good/ })).toBeVisible()
  await save(page, 'review.png')
})

test('shape.png: a Markdown guide keeps its formatting, links, table and numbered list', async ({
  launch,
}) => {
  const page = await launch(launchOptions)
  await expect(page.locator('article h1')).toBeVisible()
  const content = await readFile(join(repoRoot, 'tests/fixtures/shape/guide.md'), 'utf8')
  await dropFiles(page, [{ name: 'guide.md', content, type: 'text/markdown' }])
  await expect(page.locator('article.article h1')).toHaveText('A Guide to the Tide Tables')
  await expect(page.locator('article.article table')).toBeVisible()
  await save(page, 'shape.png')
})
