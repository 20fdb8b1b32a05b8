import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServices } from '../../src/main/services/create-services'
import { generateProse, seededRandom } from '../../tests/support/generated-text'
import { median, time, type BenchResult } from '../measure'
import type { Sizes } from '../sizes'

const resourcesDir = resolve(__dirname, '../../resources')

/** Searching many documents, against a plain substring scan of all their text. */
export async function searchLibrary(sizes: Sizes): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-bench-'))
  try {
    const services = await createServices({ dataDir, resourcesDir, seedStudyMaterial: false })
    const random = seededRandom(11)
    const texts: string[] = []
    for (let d = 0; d < sizes.searchDocuments; d++) {
      const text = generateProse(random, sizes.searchDocumentBytes)
      texts.push(text)
      await services.library.importText(new TextEncoder().encode(`Document ${d}\n\n${text}`), {
        fileName: `s-${d}.txt`,
      })
    }
    await services.search.search('warm up the index')
    const queries = [
      'encryption',
      'police chiefs',
      'Zuckerberg',
      'public safety',
      'lawful warrant',
      'Schengen',
    ]
    const ours =
      median(
        await time(sizes.runs, () => Promise.all(queries.map((q) => services.search.search(q)))),
      ) / queries.length
    const reference =
      median(
        await time(sizes.runs, () =>
          queries.forEach((q) => texts.forEach((t) => t.toLowerCase().includes(q.toLowerCase()))),
        ),
      ) / queries.length
    return {
      workload: `search ${sizes.searchDocuments} documents (${((sizes.searchDocuments * sizes.searchDocumentBytes) / 1e6).toFixed(1)} MB)`,
      figure: 'p50 ms per query',
      value: ours,
      peer: null,
      floor: { name: 'substring scan of all text', value: reference },
      target: '≤ 50 ms',
      isMet: ours <= 50,
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

export const workloads = [searchLibrary]
