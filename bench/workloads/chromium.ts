import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { describe } from '../../src/shared/domain/anchoring'
import type { DocumentText, Highlight, HighlightLabel } from '../../src/shared/model'
import { createServices, type Services } from '../../src/main/services/create-services'
import { bridgePage } from '../../tests/support/bridge-page'
import { generateProse, randomInt, seededRandom } from '../../tests/support/generated-text'
import { serveDirectory } from '../../tests/support/static-server'
import { median, type BenchResult } from '../measure'
import type { Sizes } from '../sizes'

const root = resolve(__dirname, '../..')
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
/** The built renderer; engineers building side by side each name their own folder. */
const rendererFolder = process.env['LECTERN_RENDERER_OUT'] ?? join(root, 'out/renderer')

/** What the page records: when text and highlights were first painted, and long tasks. */
declare global {
  interface Window {
    __paintedAt?: number
    __paintedCount?: number
    __longTasks?: number[]
  }
}

/**
 * Opening a large document in the built renderer in Chromium (the real services behind it),
 * until its text and highlights are painted; then scrolling through it while long tasks are
 * recorded. The floor is a static page with the same text and the same ranges registered with
 * `CSS.highlights` (no framework, no notes), served and timed the same way; the peer is the same
 * static page with each highlight wrapped in elements, as the Hypothesis client paints them.
 */
export async function openLargeDocument(sizes: Sizes): Promise<BenchResult[]> {
  await access(join(rendererFolder, 'index.html')).catch(() => {
    throw new Error(`The renderer is not built in ${rendererFolder}: run \`npm run build\` first.`)
  })
  const highlightCount = sizes.textBytes >= 1_000_000 ? 2_000 : 400
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-bench-open-'))
  const pagesDir = await mkdtemp(join(tmpdir(), 'lectern-bench-static-'))
  const server = await serveDirectory(rendererFolder)
  const pages = await serveDirectory(pagesDir)
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  try {
    const opened = await documentWithHighlights(dataDir, sizes, highlightCount)
    await writeFile(join(pagesDir, 'floor.html'), staticPage(opened, 'css-highlights'))
    await writeFile(join(pagesDir, 'peer.html'), staticPage(opened, 'wrapped'))
    const pageUrl = (name: string) => pages.url.replace(/index\.html$/, name)
    const runs = Math.max(2, sizes.runs - 2)
    const [lectern, floor, peer] = await measureOpen(browser, runs, highlightCount, [
      { url: server.url, services: opened.services },
      { url: pageUrl('floor.html') },
      { url: pageUrl('peer.html') },
    ] as const)
    const megabytes = (sizes.textBytes / 1_000_000).toLocaleString('en')
    const floorName = `a static page: the same text and ${highlightCount.toLocaleString('en')} ranges in CSS.highlights`
    const peerName =
      'the static page, highlights wrapped in elements (as the Hypothesis client does)'
    const openTime = median(lectern.openTimes)
    const floorOpen = median(floor.openTimes)
    return [
      {
        workload: `open a ${megabytes} MB document with ${highlightCount.toLocaleString('en')} highlights (500 with notes) in Chromium, until text and highlights are painted`,
        figure: 'median ms',
        value: openTime,
        peer: { name: peerName, value: median(peer.openTimes) },
        floor: { name: floorName, value: floorOpen },
        target: '≤ 1.4× the static page',
        isMet: openTime <= 1.4 * floorOpen,
      },
      {
        workload: 'scroll it steadily, a quarter screen per frame (about 12,000 px/s), 60 screens',
        figure: 'longest task ms',
        value: lectern.longestTask,
        peer: { name: `${peerName}, scrolled the same way`, value: peer.longestTask },
        floor: { name: 'the static page scrolled the same way', value: floor.longestTask },
        target: 'no task over 50 ms',
        isMet: lectern.longestTask <= 50,
      },
      {
        workload: 'the same steady scroll: longest time between two frames',
        figure: 'ms',
        value: lectern.longestFrame,
        peer: { name: `${peerName}, scrolled the same way`, value: peer.longestFrame },
        floor: { name: 'the static page scrolled the same way', value: floor.longestFrame },
        target: 'report (a frame is 16.7 ms at 60 Hz; tasks under 50 ms are not reported above)',
        isMet: true,
      },
      {
        workload: 'fling through all of it, a whole screen per frame',
        figure: 'longest task ms',
        value: lectern.flingTask,
        peer: { name: `${peerName}, flung the same way`, value: peer.flingTask },
        floor: { name: 'the static page flung the same way', value: floor.flingTask },
        target: 'report (each frame lays out a new screen of text)',
        isMet: true,
      },
    ]
  } finally {
    await browser.close()
    await server.close()
    await pages.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(pagesDir, { recursive: true, force: true })
  }
}

/** The benchmark's document: generated prose in a fresh library, with highlights, a quarter noted. */
interface BenchDocument {
  readonly services: Services
  readonly content: DocumentText
  readonly highlights: readonly Highlight[]
  readonly labels: readonly HighlightLabel[]
}

async function documentWithHighlights(
  dataDir: string,
  sizes: Sizes,
  highlightCount: number,
): Promise<BenchDocument> {
  const services = await createServices({
    dataDir,
    resourcesDir: join(root, 'resources'),
    seedStudyMaterial: false,
  })
  const random = seededRandom(21)
  const text = generateProse(random, sizes.textBytes)
  const imported = await services.library.importFile(new TextEncoder().encode(text), {
    fileName: 'long-book.txt',
  })
  if (!imported.ok) throw new Error(imported.error.message)
  const documentId = imported.value.document.id
  const opened = await services.library.open(documentId)
  if (!opened.ok) throw new Error(opened.error.message)
  const content = opened.value.content
  const labels = services.settings.get().highlightLabels
  const now = new Date().toISOString()
  const highlights: Highlight[] = Array.from({ length: highlightCount }, (_, index) => {
    const length = randomInt(random, 20, 160)
    const start = randomInt(random, 0, content.text.length - length - 1)
    return {
      id: `h${index}`,
      documentId,
      labelId: labels[index % labels.length]!.id,
      selectors: describe(content.text, start, start + length),
      revisionId: imported.value.document.revision.id,
      status: 'anchored',
      note: index % 4 === 0 ? `A note on passage ${index}, with **emphasis**.` : '',
      tags: index % 8 === 0 ? ['bench'] : [],
      createdAt: now,
      updatedAt: now,
    }
  })
  const saved = await services.annotations.upsertMany(documentId, highlights)
  if (!saved.ok) throw new Error(saved.error.message)
  return { services, content, highlights, labels }
}

/**
 * The document as a static page: its blocks as paragraphs in a reading column like Lectern's
 * (blocks off screen skipped by `content-visibility`, as Lectern's are), and a script that
 * paints the highlights once the page has parsed, either as ranges in `CSS.highlights` (the
 * floor: nothing but the browser's own painting) or by wrapping each highlight's text in
 * elements (the peer: what the Hypothesis client does in a page).
 */
function staticPage(document: BenchDocument, painting: 'css-highlights' | 'wrapped'): string {
  const { content, highlights, labels } = document
  const blocks = content.segments
    .map(
      (segment, index) =>
        `<p data-segment-index="${index}">${escapeHtml(content.text.slice(segment.start, segment.end))}</p>`,
    )
    .join('\n')
  const labelIndex = new Map(labels.map((label, index) => [label.id, index]))
  const ranges = highlights.map((h) => [
    h.selectors.position.start,
    h.selectors.position.end,
    labelIndex.get(h.labelId) ?? 0,
  ])
  const styles = labels
    .map((label, index) =>
      painting === 'css-highlights'
        ? `::highlight(lectern-label-${index}) { text-decoration: underline 2px ${label.color}; text-underline-offset: 3px; }`
        : `.hl-${index} { background: none; color: inherit; text-decoration: underline 2px ${label.color}; text-underline-offset: 3px; }`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>Static page</title>
<style>
  body { margin: 0; font-family: Georgia, serif; }
  .scroller { height: 100vh; overflow-y: auto; }
  article { max-width: 68ch; margin: 0 auto; padding: 40px 32px 35vh; font-size: 19px; line-height: 1.65; }
  p { margin: 0 0 1em; content-visibility: auto; contain-intrinsic-block-size: auto 7lh; }
  ${styles}
</style></head>
<body><div class="scroller"><article>
${blocks}
</article></div>
<script>
  const starts = ${JSON.stringify(content.segments.map((segment) => segment.start))}
  const ranges = ${JSON.stringify(ranges)}
  const paragraphs = document.querySelectorAll('p')
  /**
   * The text node and offset in it of a document offset; at the end of one text node and the
   * start of the next, the next when \`isStart\` (the wrapping page splits paragraphs' text).
   */
  const point = (offset, isStart) => {
    let low = 0, high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle] <= offset) low = middle
      else high = middle - 1
    }
    let rest = offset - starts[low]
    const walker = document.createTreeWalker(paragraphs[low], NodeFilter.SHOW_TEXT)
    let node = walker.nextNode()
    while (isStart ? rest >= node.length : rest > node.length) {
      const next = walker.nextNode()
      if (!next) break
      rest -= node.length
      node = next
    }
    return [node, Math.min(rest, node.length)]
  }
  ${painting === 'css-highlights' ? cssHighlightsScript : wrappingScript}
</script></body></html>
`
}

/** Registers every range with CSS.highlights, one Highlight per label. */
const cssHighlightsScript = `
  const byLabel = new Map()
  for (const [start, end, label] of ranges) {
    const range = document.createRange()
    range.setStart(...point(start, true))
    range.setEnd(...point(end, false))
    if (!byLabel.has(label)) byLabel.set(label, [])
    byLabel.get(label).push(range)
  }
  for (const [label, list] of byLabel) CSS.highlights.set('lectern-label-' + label, new Highlight(...list))
  window.__paintedCount = ranges.length
`

/**
 * Wraps the text of each highlight in elements, splitting text nodes at its ends, the way the
 * Hypothesis client's highlighter does (a later highlight splits an earlier one's text).
 */
const wrappingScript = `
  const article = document.querySelector('article')
  for (const [start, end, label] of ranges) {
    let [first, startOffset] = point(start, true)
    if (startOffset > 0) first = first.splitText(startOffset)
    const [last, endOffset] = point(end, false)
    if (endOffset < last.length) last.splitText(endOffset)
    const nodes = []
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
    walker.currentNode = first
    for (let node = first; node; node = node === last ? null : walker.nextNode()) nodes.push(node)
    for (const node of nodes) {
      if (!node.length || !node.data.trim()) continue
      const mark = document.createElement('hypothesis-highlight')
      mark.className = 'hl-' + label
      node.replaceWith(mark)
      mark.append(node)
    }
  }
  window.__paintedCount = ranges.length
`

interface OpenFigures {
  readonly openTimes: number[]
  readonly longestTask: number
  readonly longestFrame: number
  readonly flingTask: number
}

/**
 * A page to open: Lectern's renderer wired to the services, or (without them) a static page
 * that sets \`window.__paintedCount\` once its highlights are painted.
 */
interface OpenTarget {
  readonly url: string
  readonly services?: Services
}

/**
 * Opens each page `runs` times until its text and highlights are painted, then once more to
 * scroll it. The pages take turns in every round, so that a machine busy with other work slows
 * each of them alike.
 */
async function measureOpen<Targets extends readonly OpenTarget[]>(
  browser: Browser,
  runs: number,
  highlightCount: number,
  targets: Targets,
): Promise<{ [Index in keyof Targets]: OpenFigures }> {
  const openTimes = targets.map((): number[] => [])
  for (let run = 0; run < runs; run++)
    for (const [index, target] of targets.entries())
      await withPage(browser, target, highlightCount, async (page) => {
        openTimes[index]!.push((await page.evaluate('window.__paintedAt')) as number)
      })
  const figures: OpenFigures[] = []
  // Scrolled from the top of a freshly opened page, one page after another.
  for (const [index, target] of targets.entries())
    await withPage(browser, target, highlightCount, async (page) => {
      const fling = await scrollThrough(page, 1, Number.POSITIVE_INFINITY)
      await page.evaluate("document.querySelector('.scroller').scrollTop = 0")
      await page.waitForTimeout(300)
      const steady = await scrollThrough(page, 0.25, 60)
      figures.push({
        openTimes: openTimes[index]!,
        longestTask: steady.longestTask,
        longestFrame: steady.longestFrame,
        flingTask: fling.longestTask,
      })
    })
  return figures as { [Index in keyof Targets]: OpenFigures }
}

/** Opens a page in a new browser context, waits until it is painted, and hands it to `use`. */
async function withPage(
  browser: Browser,
  target: OpenTarget,
  highlightCount: number,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    if (target.services) await bridgePage(page, target.services)
    // A string, not a function: the TypeScript loader would add helpers the page lacks.
    await page.addInitScript(`
      window.__longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longTasks.push(entry.duration)
      }).observe({ type: 'longtask', buffered: true })
      // Painted: text on screen and every highlight registered with the CSS highlight API (or,
      // on the wrapping page, wrapped); the frame after that is the one that shows them.
      const check = () => {
        const rendered = document.querySelectorAll('[data-segment-index]').length
        let painted = window.__paintedCount ?? 0
        for (const [name, highlight] of CSS.highlights)
          if (name.startsWith('lectern-label-')) painted += highlight.size
        if (rendered > 0 && painted >= ${highlightCount})
          requestAnimationFrame(() => setTimeout(() => (window.__paintedAt = performance.now())))
        else requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    `)
    await page.goto(target.url)
    await page.waitForFunction(() => window.__paintedAt !== undefined, null, { timeout: 60_000 })
    await use(page)
  } finally {
    await context.close()
  }
}

/**
 * Scrolls the reading column by `fraction` of a screen per frame, for at most `screens` screens
 * (to the end if sooner); the longest task seen meanwhile.
 */
async function scrollThrough(
  page: Page,
  fraction: number,
  screens: number,
): Promise<{ longestTask: number; longestFrame: number }> {
  await page.evaluate('window.__longTasks = []')
  // The longest gap between two frames while scrolling: what the reader sees as a stutter. The
  // Long Tasks API reports only tasks of 50 ms or more; this shows how far below that it stays.
  const longestFrame = (await page.evaluate(`new Promise((done) => {
    const scroller = document.querySelector('.scroller')
    const limit = scroller.scrollTop + ${screens} * scroller.clientHeight
    let last = 0
    let longest = 0
    const step = (time) => {
      if (last > 0) longest = Math.max(longest, time - last)
      last = time
      const before = scroller.scrollTop
      scroller.scrollTop += scroller.clientHeight * ${fraction}
      if (scroller.scrollTop === before || scroller.scrollTop >= limit) done(longest)
      else requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })`)) as number
  // Let tasks the last scrolls started finish and be reported.
  await page.waitForTimeout(500)
  const longestTask = (await page.evaluate('Math.max(0, ...window.__longTasks)')) as number
  return { longestTask, longestFrame }
}

/**
 * The library view: the app's first contentful paint with 100 documents in the library, the time
 * from pressing `l` to the list of documents shown, and the renderer's JavaScript size. The floor
 * is a static page showing the same first document, which lists the same titles when `l` is
 * pressed, timed the same way.
 */
export async function libraryFirstPaint(sizes: Sizes): Promise<BenchResult[]> {
  const count = sizes.documents
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-bench-library-'))
  const pagesDir = await mkdtemp(join(tmpdir(), 'lectern-bench-static-'))
  const server = await serveDirectory(rendererFolder)
  const pages = await serveDirectory(pagesDir)
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const services = await createServices({
      dataDir,
      resourcesDir: join(root, 'resources'),
      seedStudyMaterial: false,
    })
    const random = seededRandom(4)
    for (let index = 0; index < count; index++) {
      const text = `Document ${index + 1}\n\n${generateProse(random, 20_000)}`
      await services.library.importFile(new TextEncoder().encode(text), {
        fileName: `d${index}.txt`,
      })
    }
    const documents = services.library.list()
    const first = await services.library.open(documents[0]!.id)
    if (!first.ok) throw new Error(first.error.message)
    await writeFile(
      join(pagesDir, 'library.html'),
      staticLibraryPage(
        first.value.content,
        documents.map((meta) => meta.title),
      ),
    )
    const targets: OpenTarget[] = [
      { url: server.url, services },
      { url: pages.url.replace(/index\.html$/, 'library.html') },
    ]
    const paints = targets.map((): number[] => [])
    const shown = targets.map((): number[] => [])
    for (let run = 0; run < Math.max(2, sizes.runs - 2); run++)
      for (const [index, target] of targets.entries()) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
        const page = await context.newPage()
        if (target.services) await bridgePage(page, target.services)
        // When the first view (the last document read) has its title on screen.
        await page.addInitScript(`
          const seen = () => document.querySelector('article h1')
            ? requestAnimationFrame(() => setTimeout(() => (window.__paintedAt = performance.now())))
            : requestAnimationFrame(seen)
          requestAnimationFrame(seen)
        `)
        await page.goto(target.url)
        await page.waitForFunction(() => window.__paintedAt !== undefined)
        paints[index]!.push((await page.evaluate('window.__paintedAt')) as number)
        await page.locator('.scroller').focus()
        const start = Date.now()
        await page.keyboard.press('l')
        await page.getByRole('heading', { name: 'Library' }).waitFor()
        await page.getByText(`Document ${count}`, { exact: true }).first().waitFor()
        shown[index]!.push(Date.now() - start)
        await context.close()
      }
    const gzipped = await rendererScriptGzipBytes()
    const floorName = 'a static page with the same document, listing the same titles on `l`'
    return [
      {
        workload: `start the app until its first view is painted, ${count} documents in the library`,
        figure: 'median ms',
        value: median(paints[0]!),
        peer: null,
        floor: { name: floorName, value: median(paints[1]!) },
        target: 'report',
        isMet: true,
      },
      {
        workload: `library view shown (press l until all ${count} documents are listed)`,
        figure: 'median ms',
        value: median(shown[0]!),
        peer: null,
        floor: { name: floorName, value: median(shown[1]!) },
        target: 'report',
        isMet: true,
      },
      {
        workload: 'renderer JavaScript, gzip',
        figure: 'kB',
        value: gzipped / 1024,
        peer: null,
        floor: null,
        target: 'report; keep it lean',
        isMet: true,
      },
    ]
  } finally {
    await browser.close()
    await server.close()
    await pages.close()
    await rm(dataDir, { recursive: true, force: true })
    await rm(pagesDir, { recursive: true, force: true })
  }
}

/**
 * The library's floor: the first document as a static page (title and paragraphs in a column
 * that takes the keyboard), which replaces itself with a list of every title when `l` is pressed.
 */
function staticLibraryPage(content: DocumentText, titles: readonly string[]): string {
  const blocks = content.segments
    .map((segment) => {
      const tag = segment.kind === 'title' ? 'h1' : 'p'
      return `<${tag}>${escapeHtml(content.text.slice(segment.start, segment.end))}</${tag}>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="UTF-8"><title>Static page</title>
<style>
  body { margin: 0; font-family: Georgia, serif; }
  .scroller { height: 100vh; overflow-y: auto; }
  article, main { max-width: 68ch; margin: 0 auto; padding: 40px 32px; font-size: 19px; line-height: 1.65; }
</style></head>
<body><div class="scroller" tabindex="0"><article>
${blocks}
</article></div>
<script>
  const titles = ${JSON.stringify(titles)}
  addEventListener('keydown', (event) => {
    if (event.key !== 'l') return
    const main = document.createElement('main')
    const heading = document.createElement('h1')
    heading.textContent = 'Library'
    const list = document.createElement('ul')
    list.append(...titles.map((title) => Object.assign(document.createElement('li'), { textContent: title })))
    main.append(heading, list)
    document.body.replaceChildren(main)
  })
</script></body></html>
`
}

/** Text as HTML: its markup characters escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

async function rendererScriptGzipBytes(): Promise<number> {
  const folder = join(rendererFolder, 'assets')
  let total = 0
  for (const name of await readdir(folder))
    if (name.endsWith('.js')) total += gzipSync(await readFile(join(folder, name))).length
  return total
}

export const workloads = [openLargeDocument, libraryFirstPaint]
