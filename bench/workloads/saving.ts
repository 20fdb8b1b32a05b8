import { spawnSync } from 'node:child_process'
import { mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe } from '../../src/shared/domain/anchoring'
import { createServices } from '../../src/main/services/create-services'
import { generateProse, randomInt, seededRandom } from '../../tests/support/generated-text'
import { percentile, time, type BenchResult } from '../measure'
import type { Sizes } from '../sizes'

const resourcesDir = resolve(__dirname, '../../resources')

/**
 * Saving one highlight in a big library, until it is durable, beside SQLite doing the same insert
 * (the peer: what an app would otherwise store notes in) and a bare append + fdatasync (the floor).
 */
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
    const saves = await time(sizes.runs * 20, async () => {
      const start = randomInt(random, 100, 10_000)
      await services.annotations.create({
        documentId: target,
        start,
        end: start + 40,
        labelId: 'evidence',
      })
    })
    const row = JSON.stringify(
      (await services.store.annotations(target, '')).data.highlights.at(-1),
    )
    const sqlite = sqliteSaves(
      join(dataDir, 'peer.sqlite'),
      sizes.highlightsPerDocument,
      sizes.runs * 20,
      row,
    )
    const floor = await appendAndSync(join(dataDir, 'floor.log'), sizes.runs * 20, row)
    const p95 = percentile(saves, 95)
    return {
      workload: `save one highlight, ${sizes.documents} documents × ${sizes.highlightsPerDocument} highlights, durable before acknowledged`,
      figure: 'p95 ms',
      value: p95,
      peer: sqlite
        ? {
            name: 'SQLite 3 (WAL, synchronous=FULL), one transaction per save',
            value: percentile(sqlite, 95),
          }
        : null,
      floor: {
        name: 'append the same record to a file and fdatasync',
        value: percentile(floor, 95),
      },
      target: '≤ 3 ms',
      isMet: p95 <= 3,
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

export const workloads = [saveHighlight]

/** Each save's milliseconds in SQLite (Python's sqlite3, same disk); null without python3. */
function sqliteSaves(path: string, existing: number, saves: number, row: string): number[] | null {
  const script = resolve(__dirname, '../peers/sqlite-save.py')
  const run = spawnSync('python3', [script, path, String(existing), String(saves), row], {
    encoding: 'utf8',
  })
  if (run.status !== 0) return null
  return JSON.parse(run.stdout) as number[]
}

/** Each append's milliseconds: one line written to an open file and fdatasynced. */
async function appendAndSync(path: string, count: number, row: string): Promise<number[]> {
  const handle = await open(path, 'a')
  try {
    return await time(count, async () => {
      await handle.write(`${row}\n`)
      await handle.datasync()
    })
  } finally {
    await handle.close()
  }
}
