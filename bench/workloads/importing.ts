import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServices } from '../../src/main/services/create-services'
import { generateProse, seededRandom } from '../../tests/support/generated-text'
import { median, type BenchResult } from '../measure'
import { quickSizes, type Sizes } from '../sizes'

const resourcesDir = resolve(__dirname, '../../resources')

/** A realistic stand-in for a long web page: chrome around an article of headed sections. */
function generateWebPage(random: () => number, bytes: number): string {
  const sections: string[] = []
  let size = 0
  for (let index = 1; size < bytes; index++) {
    const paragraphs = generateProse(random, 4_000)
      .split('\n\n')
      .map(
        (paragraph) =>
          `<p>${paragraph.replace(/Europol/g, '<a href="https://example.org/europol">Europol</a>')}</p>`,
      )
      .join('\n')
    const section = `<h2>Section ${index}</h2>\n${paragraphs}\n<figure><img src="https://example.org/${index}.jpg" alt="Figure ${index}"><figcaption>Figure ${index}</figcaption></figure>`
    sections.push(section)
    size += section.length
  }
  const chrome = `<nav><ul>${'<li><a href="/x">Menu item</a></li>'.repeat(40)}</ul></nav>`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long page</title><script>window.tracker = 1</script></head><body>${chrome}<article><h1>A long page</h1>${sections.join('\n')}</article><aside>${'<p>Related: <a href="/y">another story</a></p>'.repeat(30)}</aside><footer>${chrome}</footer></body></html>`
}

/**
 * Importing a 1 MB web page and a 1.2 MB text book, against reading the file; and how long the
 * main process's event loop was blocked meanwhile (other requests wait that long).
 */
export async function importLargeFiles(sizes: Sizes): Promise<BenchResult[]> {
  const scale = sizes === quickSizes ? 0.2 : 1
  const random = seededRandom(33)
  const files = [
    {
      name: 'long-page.html',
      text: generateWebPage(random, 1_000_000 * scale),
      label: 'web page',
      size: 1 * scale,
    },
    {
      name: 'long-book.txt',
      text: `A Long Book\n\n${generateProse(random, 1_200_000 * scale)}`,
      label: 'text book',
      size: 1.2 * scale,
    },
  ]
  const results: BenchResult[] = []
  for (const file of files) {
    const folder = await mkdtemp(join(tmpdir(), 'lectern-bench-import-'))
    try {
      const path = join(folder, file.name)
      await writeFile(path, file.text)
      const imports: number[] = []
      const blocked: number[] = []
      const reads: number[] = []
      for (let run = 0; run < Math.max(2, sizes.runs - 2); run++) {
        const services = await createServices({
          dataDir: join(folder, `data-${run}`),
          resourcesDir,
          seedStudyMaterial: false,
          // As in the app: files are parsed in a worker thread (here from the TypeScript source).
          importWorker: { path: resolve(__dirname, '../../tests/support/read-worker-dev.cjs') },
        })
        const readStart = performance.now()
        const bytes = await readFile(path)
        reads.push(performance.now() - readStart)
        // A 5 ms ticker: the longest gap between its ticks is how long another request (the
        // window asking for anything) would have waited.
        let lastTick = performance.now()
        let longestGap = 0
        const ticker = setInterval(() => {
          const now = performance.now()
          longestGap = Math.max(longestGap, now - lastTick)
          lastTick = now
        }, 5)
        const start = performance.now()
        const result = await services.library.importFile(bytes, { fileName: file.name })
        imports.push(performance.now() - start)
        await new Promise((resolve) => setTimeout(resolve, 20))
        clearInterval(ticker)
        blocked.push(longestGap)
        if (!result.ok) throw new Error(result.error.message)
      }
      const megabytes = file.size.toLocaleString('en')
      results.push(
        {
          workload: `import a ${megabytes} MB ${file.label}`,
          figure: 'median ms',
          value: median(imports),
          peer: null,
          floor: { name: 'reading the file', value: median(reads) },
          target: '≤ 1,500 ms',
          isMet: median(imports) <= 1_500,
        },
        {
          workload: `… the main process's longest stall meanwhile (${file.label})`,
          figure: 'longest stall ms',
          value: Math.max(...blocked),
          peer: null,
          floor: { name: 'the import itself', value: median(imports) },
          target: 'window responsive: ≤ 50 ms',
          isMet: Math.max(...blocked) <= 50,
        },
      )
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }
  return results
}

export const workloads = [importLargeFiles]
