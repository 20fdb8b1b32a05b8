import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe } from '../../src/shared/domain/anchoring'
import { DurableJsonAdapter } from '../../src/main/store/durable-json-adapter'
import { createServices } from '../../src/main/services/create-services'
import { generateProse, randomInt, seededRandom } from '../../tests/support/generated-text'
import { median, percentile, time, type BenchResult } from '../measure'
import type { Sizes } from '../sizes'

const resourcesDir = resolve(__dirname, '../../resources')

/** Saving one highlight in a big library, against one big lowdb file and a bare fsynced write. */
export async function saveHighlight(sizes: Sizes): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-bench-'))
  try {
    const services = await createServices({ dataDir, resourcesDir, seedStudyMaterial: false })
    const random = seededRandom(10)
    const ids: string[] = []
    for (let d = 0; d < sizes.documents; d++) {
      const imported = await services.library.importText(
        new TextEncoder().encode(`Document ${d}\n\n${generateProse(random, 20_000)}`),
        { fileName: `doc-${d}.txt` },
      )
      if (!imported.ok) throw new Error(imported.error.message)
      ids.push(imported.value.id)
      const file = await services.store.annotations(imported.value.id, imported.value.title)
      const opened = await services.library.open(imported.value.id)
      if (!opened.ok) throw new Error('open')
      const base = {
        documentId: imported.value.id,
        labelId: 'key-position',
        revisionId: imported.value.revision.id,
        status: 'anchored' as const,
        note: '',
        tags: [],
        createdAt: imported.value.importedAt,
        updatedAt: imported.value.importedAt,
      }
      await file.update((draft) => {
        for (let h = 0; h < sizes.highlightsPerDocument; h++) {
          const start = randomInt(random, 0, 19_000)
          draft.highlights.push({
            ...base,
            id: `h${d}-${h}`,
            selectors: describe(opened.value.content.text, start, start + 50),
          })
        }
      })
    }
    const target = ids[Math.floor(ids.length / 2)]!
    const saves = await time(sizes.runs * 4, async () => {
      const start = randomInt(random, 100, 10_000)
      await services.annotations.create({
        documentId: target,
        start,
        end: start + 40,
        labelId: 'evidence',
      })
    })
    const oneFile = new DurableJsonAdapter<unknown>(join(dataDir, 'everything.json'))
    const everything = await Promise.all(
      ids.map(async (id) => (await services.store.annotations(id, '')).data),
    )
    const oneFileTimes = await time(sizes.runs, () => oneFile.write(everything))
    const floor = new DurableJsonAdapter<unknown>(join(dataDir, 'one-record.json'))
    const floorTimes = await time(sizes.runs * 4, () =>
      floor.write({ id: 'x', note: 'one record' }),
    )
    return {
      workload: `save one highlight, ${sizes.documents} documents × ${sizes.highlightsPerDocument} highlights`,
      figure: 'p95 ms',
      value: percentile(saves, 95),
      peer: null,
      floor: {
        name: `one lowdb file: ${median(oneFileTimes).toFixed(1)} ms; fsynced write of one record (floor)`,
        value: median(floorTimes),
      },
      target: '≤ 16 ms',
      isMet: percentile(saves, 95) <= 16,
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

export const workloads = [saveHighlight]
