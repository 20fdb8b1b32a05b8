import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import MiniSearch from 'minisearch'
import { keptIndexPath } from '../../src/main/search/search-engine'
import { createServices, type Services } from '../../src/main/services/create-services'
import { bundleChild } from '../../tests/support/bundle-child'
import { generateProse, seededRandom } from '../../tests/support/generated-text'
import { median, type BenchResult } from '../measure'
import type { Sizes } from '../sizes'

const resourcesDir = resolve(__dirname, '../../resources')

/** Words of the generated prose (the bundled article's vocabulary), some typed only in part. */
const queries = [
  'encryption',
  'police chiefs',
  'Zuckerberg',
  'public safety',
  'lawful warrant',
  'Schengen',
  'encrypt',
  'messag platf',
]

/** What a user's own code would index: each paragraph of each text, with MiniSearch's options. */
const bareOptions = {
  fields: ['text'],
  searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND' as const },
}

/**
 * Search across a library of generated prose (the full run: 100 documents of 100 kB, 10 MB).
 * First search: a fresh set of services on a library whose index was built at import and kept,
 * beside bare MiniSearch building its index from the same texts and searching once (what a
 * user's own code would do on each start). Warm: the median query beside bare MiniSearch's.
 * The floor of both: a case-insensitive substring scan of every text.
 */
export async function searchLibrary(sizes: Sizes): Promise<BenchResult[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-bench-search-'))
  // The worker as the app runs it: one bundled script (a TypeScript loader would add ~0.5 s).
  const workerPath = await bundleChild(resolve(__dirname, '../../src/main/search/search-worker.ts'))
  const start = () =>
    createServices({
      dataDir,
      resourcesDir,
      seedStudyMaterial: false,
      searchWorker: { path: workerPath },
    })
  // The index built and written whole (flush), then closed as the app closes.
  const stop = async (services: Services) => {
    await services.search.flush()
    await services.close()
  }
  try {
    const random = seededRandom(11)
    const texts: string[] = []
    const importing = await start()
    for (let d = 0; d < sizes.searchDocuments; d++) {
      const text = generateProse(random, sizes.searchDocumentBytes)
      texts.push(text)
      await importing.library.importText(new TextEncoder().encode(`Document ${d}\n\n${text}`), {
        fileName: `s-${d}.txt`,
      })
    }
    await stop(importing)
    const keptMegabytes = ((await stat(keptIndexPath(dataDir))).size / 1e6).toFixed(1)
    const megabytes = ((sizes.searchDocuments * sizes.searchDocumentBytes) / 1e6).toFixed(1)

    const firstOurs: number[] = []
    const firstBare: number[] = []
    const firstScan: number[] = []
    for (let run = 0; run < sizes.runs; run++) {
      const query = queries[run % queries.length]!
      const services = await start()
      firstOurs.push(await timed(() => services.search.search(query)))
      await stop(services)
      firstBare.push(
        await timed(() => {
          const bare = buildBare(texts)
          return bare.search(query).slice(0, 30)
        }),
      )
      firstScan.push(await timed(() => scan(texts, query)))
    }

    const services = await start()
    const bare = buildBare(texts)
    // Warm: each query has run once on both (JIT, and the postings of its terms read in).
    for (const query of queries) {
      await services.search.search(query)
      bare.search(query)
    }
    const warmOurs: number[] = []
    const warmBare: number[] = []
    const warmScan: number[] = []
    for (let run = 0; run < sizes.runs; run++)
      for (const query of queries) {
        warmOurs.push(await timed(() => services.search.search(query)))
        warmBare.push(await timed(() => bare.search(query).slice(0, 30)))
        warmScan.push(await timed(() => scan(texts, query)))
      }
    await stop(services)

    const first = median(firstOurs)
    const warm = median(warmOurs)
    return [
      {
        workload: `first search after a restart, ${sizes.searchDocuments} documents (${megabytes} MB), index kept at import (${keptMegabytes} MB on disk)`,
        figure: 'median ms',
        value: first,
        peer: { name: 'bare MiniSearch: build + search', value: median(firstBare) },
        floor: { name: 'substring scan of all text', value: median(firstScan) },
        target: '≤ 300 ms',
        isMet: first <= 300,
      },
      {
        workload: `warm search, ${sizes.searchDocuments} documents (${megabytes} MB)`,
        figure: 'p50 ms per query',
        value: warm,
        peer: { name: 'bare MiniSearch search', value: median(warmBare) },
        floor: { name: 'substring scan of all text', value: median(warmScan) },
        target: '≤ 1.2× bare MiniSearch',
        isMet: warm <= 1.2 * median(warmBare),
      },
    ]
  } finally {
    await rm(dataDir, { recursive: true, force: true })
    await rm(join(workerPath, '..'), { recursive: true, force: true })
  }
}

function buildBare(texts: readonly string[]): MiniSearch<{ id: string; text: string }> {
  const bare = new MiniSearch<{ id: string; text: string }>(bareOptions)
  texts.forEach((text, d) =>
    bare.addAll(text.split('\n\n').map((paragraph, p) => ({ id: `${d}/${p}`, text: paragraph }))),
  )
  return bare
}

function scan(texts: readonly string[], query: string): number {
  const needle = query.toLowerCase()
  return texts.filter((text) => text.toLowerCase().includes(needle)).length
}

async function timed(work: () => unknown): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

export const workloads = [searchLibrary]
