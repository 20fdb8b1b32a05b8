import { mkdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import type { Services } from '../../src/main/services/create-services'
import { makeShapeEpub } from '../support/epub-fixture'
import { dropFiles } from './support/drop-files'
import { test, expect } from './support/lectern'

// Each flow starts from a first start without the bundled study material: only the imported file.
test.use({ studyMaterial: false, viewport: { width: 1280, height: 800 } })

const fixtures = resolve(__dirname, '../fixtures/shape')
const shots = resolve(__dirname, '../../test-results/document-shape')
const article = (page: Page) => page.locator('article.article')

async function importFile(page: Page, name: string, type: string): Promise<void> {
  await expect(article(page).locator('h1')).toBeVisible()
  const content = await readFile(join(fixtures, name), 'utf8')
  await dropFiles(page, [{ name, content, type }])
}

/** Brings a part of the text to the top of the column, fonts loaded, and takes a picture. */
async function shoot(page: Page, name: string, top?: string): Promise<void> {
  await page.evaluate(async (selector) => {
    await document.fonts.ready
    const scroller = document.querySelector<HTMLElement>('.scroller')!
    const target = selector ? document.querySelector<HTMLElement>(selector) : null
    if (target) {
      target.scrollIntoView({ block: 'start' })
      scroller.scrollBy({ top: -24 })
    } else scroller.scrollTop = 0
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  }, top ?? null)
  await mkdir(shots, { recursive: true })
  await page.screenshot({ path: join(shots, name) })
}

/**
 * Selects with a real mouse drag from the first letter of `from` to the last of `to` (the
 * first `to` after `from`), however many inline elements or cells lie between them.
 */
async function dragAcross(page: Page, from: string, to: string): Promise<string> {
  const points = await page.evaluate(
    async ({ from, to }) => {
      await document.fonts.ready
      const root = document.querySelector('article.article')!
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('[data-segment-index]')
            ? NodeFilter.FILTER_ACCEPT
            : NodeFilter.FILTER_REJECT,
      })
      const nodes: Text[] = []
      const starts: number[] = []
      let all = ''
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push(node as Text)
        starts.push(all.length)
        all += (node as Text).data
      }
      const first = all.indexOf(from)
      if (first < 0) throw new Error(`Not in the text: ${from}`)
      const last = all.indexOf(to, first) + to.length - 1
      if (last < first) throw new Error(`Not in the text after “${from}”: ${to}`)
      const letter = (offset: number) => {
        let i = starts.length - 1
        while (starts[i]! > offset) i--
        const range = document.createRange()
        range.setStart(nodes[i]!, offset - starts[i]!)
        range.setEnd(nodes[i]!, offset - starts[i]! + 1)
        return range
      }
      letter(first).startContainer.parentElement!.scrollIntoView({ block: 'center' })
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
      const a = letter(first).getClientRects()[0]!
      const b = letter(last).getClientRects()[0]!
      return {
        from: { x: a.left + 1, y: a.top + a.height / 2 },
        to: { x: b.right - 1, y: b.top + b.height / 2 },
      }
    },
    { from, to },
  )
  await page.mouse.move(points.from.x, points.from.y)
  await page.mouse.down()
  await page.mouse.move(points.to.x, points.to.y, { steps: 10 })
  await page.mouse.up()
  return page.evaluate(() => document.getSelection()?.toString() ?? '')
}

/** Every painted highlight: its text, the block it starts in and where in that block. */
function paintedPlaces(page: Page): Promise<{ text: string; block: string; at: number }[]> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('lectern-label-'))
      .flatMap(([, highlight]) => [...highlight] as Range[])
      .map((range) => {
        const block =
          range.startContainer.parentElement!.closest<HTMLElement>('[data-segment-index]')!
        const before = document.createRange()
        before.setStart(block, 0)
        before.setEnd(range.startContainer, range.startOffset)
        return {
          text: range.toString(),
          block: block.dataset['segmentIndex']!,
          at: before.toString().length,
        }
      })
      .sort((a, b) => Number(a.block) - Number(b.block) || a.at - b.at),
  )
}

async function highlightSelection(page: Page, count: number): Promise<void> {
  await page.keyboard.press('h')
  await expect.poll(async () => (await paintedPlaces(page)).length).toBe(count)
}

/** The stored quotes of the highlights of the document imported last, as the store gives them. */
async function storedQuotes(services: Services | null): Promise<string[]> {
  const imported = services?.library.list()[0]
  if (!services || !imported) throw new Error('Lectern is not running with a document')
  const loaded = await services.annotations.load(imported.id)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value.highlights.map((highlight) => highlight.selectors.quote.exact)
}

test('a Markdown guide keeps its headings, table, code, lists, quote and links', async ({
  launch,
  openedLinks,
}) => {
  const page = await launch()
  await importFile(page, 'guide.md', 'text/markdown')
  const text = article(page)
  await expect(text.locator('h1')).toHaveText('A Guide to the Tide Tables')
  await shoot(page, 'guide-top.png')
  await shoot(page, 'guide-table-and-list.png', '.table-box')
  await shoot(page, 'guide-code.png', 'pre.code-block')
  await expect(text.locator('h2')).toHaveText([
    'Reading the table',
    'Steps for a morning launch',
    'Using the tool',
    'Further reading',
  ])
  // The table: a head of five header cells, three rows of five cells.
  const table = text.locator('.table-box table')
  await expect(table.locator('thead th')).toHaveText([
    'Date',
    'High water',
    'Height (m)',
    'Low water',
    'Height (m)',
  ])
  await expect(table.locator('tbody tr')).toHaveCount(3)
  await expect(table.locator('tbody tr').first().locator('td')).toHaveText([
    '3 March',
    '06:12',
    '4.8',
    '12:31',
    '0.6',
  ])
  // Code keeps its lines and indentation, in a monospace face.
  const code = text.locator('pre.code-block')
  await expect(code).toHaveCount(3)
  expect(await code.nth(1).textContent()).toContain(
    '2026-03-03  06:12     4.8  12:31     0.6\n    (forecast: none)',
  )
  expect(await code.nth(0).evaluate((pre) => getComputedStyle(pre).fontFamily)).toMatch(/mono/i)
  // The nested ordered list starts at 3; its numbers are not in the text.
  const items = text.locator('ol.list > li')
  await expect(items.first()).toHaveAttribute('data-marker', '3.')
  await expect(items.first()).toHaveText('Read the high water for the day.')
  await expect(text.locator('li[data-marker="1."]')).toHaveText('Start at the time in the table.')
  await expect(text.locator('blockquote').first()).toContainText('The table is a prediction')
  // Inline formatting.
  await expect(text.locator('em', { hasText: 'tide table' })).toHaveCount(1)
  await expect(
    text.locator('strong', { hasText: 'check a reading against the gauge' }),
  ).toHaveCount(1)
  await expect(text.locator('p code', { hasText: 'tides' }).first()).toBeVisible()

  // A link opens in the system browser on a click, and only there.
  await text.locator('a.text-link', { hasText: 'the harbour office' }).click()
  await expect.poll(() => openedLinks).toEqual(['https://harbour.example.org/tides'])
  await expect(text.locator('h1')).toHaveText('A Guide to the Tide Tables')

  // The dark theme: code, tables, links and list numbers keep their contrast.
  await page.locator('.scroller').focus()
  await page.keyboard.press('t')
  await page.keyboard.press('t')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await shoot(page, 'guide-dark.png', 'h2:nth-of-type(2)')
  await page.keyboard.press('t')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')

  // A narrow window: code and the table scroll inside their own boxes, never the page.
  await page.setViewportSize({ width: 760, height: 800 })
  const overflow = () =>
    page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.scroller')!
      const widest = [...document.querySelectorAll<HTMLElement>('pre.code-block')].map(
        (pre) => pre.scrollWidth - pre.clientWidth,
      )
      const table = document.querySelector<HTMLElement>('.table-box')!
      return {
        page: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        column: scroller.scrollWidth > scroller.clientWidth,
        // A long line of code scrolls inside its block, never wraps.
        code: Math.max(...widest) > 0,
        table: table.scrollWidth > table.clientWidth,
      }
    })
  // Measured once the window's new width is laid out (the panes follow it a frame later).
  await expect.poll(overflow).toEqual({ page: false, column: false, code: true, table: true })
  await shoot(page, 'guide-narrow-table.png', '.table-box')
  await shoot(page, 'guide-narrow-code.png', 'pre.code-block:last-of-type')
})

test('highlights across emphasis and a link, in a table cell and in code are painted again after a reload', async ({
  launch,
  running,
}) => {
  const page = await launch()
  await importFile(page, 'guide.md', 'text/markdown')
  await expect(article(page).locator('table')).toBeVisible()

  const across = await dragAcross(page, 'tide table every month', 'at the harbour office')
  expect(across).toMatch(/^tide table every month\. This guide .* at the harbour office$/s)
  await highlightSelection(page, 1)
  expect(await dragAcross(page, '07:41', '07:41')).toBe('07:41')
  await highlightSelection(page, 2)
  expect(await dragAcross(page, '--port harbour', '--port harbour')).toBe('--port harbour')
  await highlightSelection(page, 3)

  const painted = await paintedPlaces(page)
  expect(painted.map((place) => place.text)).toEqual([
    expect.stringMatching(/^tide table every month\. .* at the harbour office$/s),
    '07:41',
    '--port harbour',
  ])
  // What is stored is the document's plain text, the same as was painted.
  expect((await storedQuotes(running.services)).sort()).toEqual(painted.map((p) => p.text).sort())
  await shoot(page, 'guide-highlights.png')

  await page.reload()
  await expect(article(page).locator('table')).toBeVisible()
  await expect.poll(() => paintedPlaces(page)).toEqual(painted)
})

test('a web page keeps its numbered lists; a selection across two items takes their text, not their numbers', async ({
  launch,
  running,
}) => {
  const page = await launch()
  await importFile(page, 'numbered-page.html', 'text/html')
  const text = article(page)
  await expect(text.locator('h1')).toHaveText('Harbour Licence')
  await shoot(page, 'numbered-page.png')
  await shoot(page, 'numbered-page-fees.png', 'table')
  // "1. Definitions." keeps its number; the second list starts at 6 and jumps to 9.
  const markers = await text
    .locator('ol.list > li')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-marker')))
  expect(markers.filter((marker) => /^\d+\.$/.test(marker ?? ''))).toEqual(
    expect.arrayContaining(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '9.']),
  )
  await expect(text.locator('li[data-marker="1."]').first()).toContainText('Definitions.')
  await expect(text.locator('li[data-marker="9."]')).toContainText('Ending the licence.')
  await expect(text.locator('li[data-marker="1."]').first()).not.toContainText('1.')
  await expect(text.locator('table th')).toHaveText(['Length', 'Pontoon', 'Swinging mooring'])
  await expect(text.locator('pre.code-block')).toContainText('--form length=7.4 \\\n')

  const selected = await dragAcross(page, 'a numbered place on a pontoon', 'Grant of licence')
  expect(selected).not.toMatch(/\b2\.\s*Grant/)
  await highlightSelection(page, 1)
  const [quote] = await storedQuotes(running.services)
  expect(quote).toMatch(/^a numbered place on a pontoon\.\s+Grant of licence$/)
  await page.reload()
  await expect
    .poll(async () => (await paintedPlaces(page)).map((place) => place.text.replace(/\s+/g, ' ')))
    .toEqual(['a numbered place on a pontoon.Grant of licence'])
})

test('an EPUB keeps its figure with one caption, its lists, table, code and footnotes', async ({
  launch,
}) => {
  const page = await launch()
  await expect(article(page).locator('h1')).toBeVisible()
  await dropFiles(page, [
    { name: 'shaped-book.epub', content: [...makeShapeEpub()], type: 'application/epub+zip' },
  ])
  const text = article(page)
  await expect(text.locator('h1')).toHaveText('A Book with Shape')
  await shoot(page, 'epub-chapter-one.png')
  await shoot(page, 'epub-chapter-two.png', 'table')
  const figure = text.locator('figure').first()
  await expect(figure.locator('img')).toHaveAttribute(
    'alt',
    'A grey heron standing in shallow water',
  )
  // One caption: the alt text is not printed under the picture a second time.
  await expect(figure.locator('figcaption')).toHaveText('The grey heron at dawn.')
  const alt = figure.locator('.alt-text')
  await expect(alt).toHaveText('A grey heron standing in shallow water')
  expect((await alt.boundingBox())!.height, 'the alt text is not printed').toBeLessThanOrEqual(1)
  await expect(text.locator('li[data-marker="3."]')).toHaveText('Nesting in February.')
  await expect(text.locator('em', { hasText: 'perfectly still' })).toHaveCount(1)
  await expect(text.locator('table th')).toHaveText(['Year', 'Nests'])
  await expect(text.locator('pre.code-block')).toHaveText('year,nests\n2024,41\n  2025,47')

  // A footnote reference is a superscript that goes to its footnote.
  const reference = text.locator('sup a.footnote-ref').first()
  await expect(reference).toHaveText('1')
  await reference.click()
  await expect(page.locator('.footnote:focus')).toContainText(
    'Herons may stand still for over an hour.',
  )
})

test('search finds words in a table cell and in code, and opens the reader at them', async ({
  launch,
}) => {
  const page = await launch()
  await importFile(page, 'guide.md', 'text/markdown')
  await expect(article(page).locator('table')).toBeVisible()
  const flashed = () =>
    page.evaluate(() =>
      [...(CSS.highlights.get('lectern-flash') ?? [])].map((r) => r.toString()).join(),
    )
  for (const word of ['windowMinutes', 'harbourmaster', 'gauge']) {
    await page.getByRole('button', { name: '← Library' }).click()
    await page.keyboard.press('/')
    const search = page.getByRole('combobox', { name: 'Search text, highlights and notes' })
    await search.fill(word)
    const hit = page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()
    await expect(hit).toContainText('Tide Tables')
    await page.keyboard.press('Enter')
    await expect(article(page).locator('h1')).toHaveText('A Guide to the Tide Tables')
    await expect.poll(flashed).toMatch(new RegExp(word, 'i'))
  }
})
