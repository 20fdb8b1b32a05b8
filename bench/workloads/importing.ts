import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import { parseHTML } from 'linkedom'
import { createServices, type Services } from '../../src/main/services/create-services'
import { generateProse, seededRandom } from '../../tests/support/generated-text'
import { median, type BenchResult } from '../measure'
import { quickSizes, type Sizes } from '../sizes'

const resourcesDir = resolve(__dirname, '../../resources')
const pagesDir = resolve(__dirname, '../pages')

/** Real saved pages (bench/pages/README.md): three without an `<article>`, so extraction runs. */
const pages = [
  { file: 'rust-book-strings', label: '50 kB page (one Rust book chapter)' },
  { file: 'rustdoc-book', label: '231 kB page (the rustdoc book)', targetMs: 500 },
  { file: 'std-string', label: '638 kB page (API docs of String)' },
  { file: 'rust-book-print', label: '1.88 MB page in one <main> (the Rust book)' },
] as const

/**
 * The peer: what an app that imports web pages typically runs, and Lectern ran before. The page
 * is parsed by jsdom (the HTML standard's parser, scripts off), Readability extracts the
 * article, and DOMPurify sanitises its HTML.
 */
function jsdomPipeline(html: string): number {
  const { window } = new JSDOM(html, { url: 'https://lectern.invalid/' })
  const article = new Readability(window.document).parse()
  const purify = createDOMPurify(window as unknown as Window & typeof globalThis)
  const safe = purify.sanitize(article?.content ?? '')
  window.close()
  return safe.length
}

/**
 * The floor: the fastest parser found that gives Readability the same text (LinkeDOM), bare:
 * no flattening, sanitising, block walk or storing. Lectern parses with it too, so this is what
 * its import cannot go below (on the `<main>` page Lectern skips Readability, so it may).
 */
function linkedomPipeline(html: string): number {
  const { document } = parseHTML(html)
  return new Readability(document).parse()?.textContent?.length ?? 0
}

/**
 * Watches the main thread: the longest gap between the ticks of a 5 ms timer is how long another
 * request (the window asking for anything) would have waited.
 */
function watchStalls(): () => Promise<number> {
  let lastTick = performance.now()
  let longestGap = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    longestGap = Math.max(longestGap, now - lastTick)
    lastTick = now
  }, 5)
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 20))
    clearInterval(ticker)
    return longestGap
  }
}

/**
 * Services as the app has them: files are parsed in the import worker thread and indexed for
 * search in the search worker (both from their TypeScript source here).
 */
function startServices(dataDir: string): Promise<Services> {
  return createServices({
    dataDir,
    resourcesDir,
    seedStudyMaterial: false,
    importWorker: { path: resolve(__dirname, '../../tests/support/read-worker-dev.cjs') },
    searchWorker: { path: resolve(__dirname, '../../tests/support/search-worker-dev.cjs') },
  })
}

/** Imports a file through the library as the window does, and how long it took (ms). */
async function importOnce(
  services: Services,
  bytes: Uint8Array,
  fileName: string,
): Promise<number> {
  const start = performance.now()
  const result = await services.library.importFile(bytes, { fileName })
  const took = performance.now() - start
  if (!result.ok) throw new Error(`${fileName}: ${result.error.message}`)
  return took
}

/**
 * Importing real web pages through the library (the worker thread, the store, as the app does)
 * beside the bare jsdom + Readability + DOMPurify pipeline (the peer) and bare LinkeDOM +
 * Readability (the floor), all measured in the same run, one after the other in each round so
 * that load on the machine falls on each alike. Each first run (the worker starting, code
 * warming up) is not counted; the main thread's longest stall is watched throughout.
 */
export async function importWebPages(sizes: Sizes): Promise<BenchResult[]> {
  // CI's quick run: the two smaller pages, which take a few seconds.
  const chosen = sizes === quickSizes ? pages.slice(0, 2) : pages
  const folder = await mkdtemp(join(tmpdir(), 'lectern-bench-pages-'))
  const services = await startServices(join(folder, 'data'))
  const results: BenchResult[] = []
  let longestStall = 0
  try {
    for (const page of chosen) {
      const html = gunzipSync(await readFile(join(pagesDir, `${page.file}.html.gz`)))
      const text = html.toString('utf8')
      const ours: number[] = []
      const peer: number[] = []
      const floor: number[] = []
      for (let round = 0; round <= sizes.runs; round++) {
        const stalls = watchStalls()
        const imported = await importOnce(services, html, `${page.file}-${round}.html`)
        const stall = await stalls()
        let start = performance.now()
        jsdomPipeline(text)
        const peered = performance.now() - start
        start = performance.now()
        linkedomPipeline(text)
        const floored = performance.now() - start
        // The stall counts from the first import on: a reader waits through that one too.
        longestStall = Math.max(longestStall, stall)
        if (round === 0) continue
        ours.push(imported)
        peer.push(peered)
        floor.push(floored)
      }
      const value = median(ours)
      const targetMs = 'targetMs' in page ? page.targetMs : null
      results.push({
        workload: `import a real ${page.label}`,
        figure: 'median ms',
        value,
        peer: { name: 'bare jsdom + Readability + DOMPurify', value: median(peer) },
        floor: { name: 'bare LinkeDOM + Readability', value: median(floor) },
        target: targetMs ? `≤ ${targetMs} ms` : 'faster than the peer',
        isMet: targetMs ? value <= targetMs : value < median(peer),
      })
    }
  } finally {
    await services.store.close()
    await rm(folder, { recursive: true, force: true })
  }
  results.push({
    workload: `… the main process's longest stall while importing these pages`,
    figure: 'longest stall ms',
    value: longestStall,
    peer: null,
    floor: null,
    target: 'window responsive: ≤ 50 ms',
    isMet: longestStall <= 50,
  })
  return results
}

/** Importing a 1.2 MB text book, against reading the file, and the main thread's stall. */
export async function importTextBook(sizes: Sizes): Promise<BenchResult[]> {
  const scale = sizes === quickSizes ? 0.2 : 1
  const text = `A Long Book\n\n${generateProse(seededRandom(33), 1_200_000 * scale)}`
  const folder = await mkdtemp(join(tmpdir(), 'lectern-bench-book-'))
  const services = await startServices(join(folder, 'data'))
  try {
    const path = join(folder, 'long-book.txt')
    await writeFile(path, text)
    const imports: number[] = []
    const reads: number[] = []
    let longestStall = 0
    for (let round = 0; round <= Math.max(2, sizes.runs - 2); round++) {
      const start = performance.now()
      const bytes = await readFile(path)
      const read = performance.now() - start
      const stalls = watchStalls()
      const imported = await importOnce(services, bytes, `long-book-${round}.txt`)
      longestStall = Math.max(longestStall, await stalls())
      if (round === 0) continue
      reads.push(read)
      imports.push(imported)
    }
    const megabytes = (1.2 * scale).toLocaleString('en')
    return [
      {
        workload: `import a ${megabytes} MB text book`,
        figure: 'median ms',
        value: median(imports),
        peer: null,
        floor: { name: 'reading the file', value: median(reads) },
        target: '≤ 1,500 ms',
        isMet: median(imports) <= 1_500,
      },
      {
        workload: `… the main process's longest stall meanwhile (text book)`,
        figure: 'longest stall ms',
        value: longestStall,
        peer: null,
        floor: { name: 'the import itself', value: median(imports) },
        target: 'window responsive: ≤ 50 ms',
        isMet: longestStall <= 50,
      },
    ]
  } finally {
    await services.store.close()
    await rm(folder, { recursive: true, force: true })
  }
}

export const workloads = [importWebPages, importTextBook]
