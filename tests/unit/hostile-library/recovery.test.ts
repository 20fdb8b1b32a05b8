import { cp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateProse, seededRandom } from '../../support/generated-text'
import {
  openWithFault,
  snapshotLibrary,
  useLibraryChild,
  type LibrarySnapshot,
} from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import {
  acknowledged,
  caseTimeout,
  expectNextStartKeeps,
  findLosses,
  highlightWithNotes,
  importBytes,
} from './expect-kept'

// Issue 14, §4: recovery itself must not lose the library. A full disk while a damaged
// library.json is set aside and its backup written back must leave a library.json (or one the
// next start rebuilds from the document folders); a deleted library.json is rebuilt with a
// notice, never replaced silently by a fresh library whose backups push out the good ones.

/** Three documents with notes; resolves to what the reader was told is saved. */
async function libraryWithNotes(dataDir: string): Promise<LibrarySnapshot> {
  const services = await servicesOn(dataDir)
  for (const [index, name] of ['alpha.txt', 'beta.txt', 'gamma.txt'].entries()) {
    const prose = generateProse(seededRandom(60 + index), 2_000)
    const imported = await importBytes(services, name, `${name}\n\n${prose}\n`)
    if (!imported.ok) throw new Error(imported.error.message)
    await highlightWithNotes(services, imported.value.document.id, 3)
  }
  const ack = await acknowledged(services, dataDir)
  await services.store.close()
  return ack
}

async function damageLibraryFile(dataDir: string) {
  const path = join(dataDir, 'library.json')
  const bytes = await readFile(path)
  await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)))
}

describe('recovering library.json', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-hostile-')

  it(
    'keeps library.json and every document when the disk is full while recovering it',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      await damageLibraryFile(dataDir)
      const started = await openWithFault(dataDir, {
        // The damaged file set aside, by rename (today) or by copy (copy-first).
        after: '^(rename|copy) library\\.json\\.corrupt-',
        step: '^write library\\.json',
        code: 'ENOSPC',
      })
      expect(started.injected, `no recovery write to fail: ${started.steps.join(', ')}`).toBe(1)
      expect(
        existsSync(join(dataDir, 'library.json')),
        'library.json after the failed recovery',
      ).toBe(true)
      const { fresh } = await expectNextStartKeeps(dataDir, ack)
      expect(fresh.notices.length, 'the reader is told of the recovery').toBeGreaterThan(0)
    },
    caseTimeout,
  )

  it(
    'keeps every document whichever step of the recovery fails (ENOSPC and EIO)',
    async () => {
      const template = await makeDir()
      const ack = await libraryWithNotes(template)
      await damageLibraryFile(template)
      const lost: string[] = []
      let faults = 0
      // The first step of recovery, whatever its name: the damaged file set aside (today) or
      // the restored copy written beside it (copy-first). Each of the first four steps from there fails.
      for (const code of ['ENOSPC', 'EIO'] as const) {
        for (let occurrence = 0; occurrence < 4; occurrence++) {
          const dataDir = await makeDir()
          await cp(template, dataDir, { recursive: true })
          const started = await openWithFault(dataDir, {
            after: '^(rename|copy|open|write) library\\.json\\.',
            step: 'library\\.json|^sync \\.$',
            code,
            occurrence,
          })
          if (started.injected === 0) break
          faults++
          const losses = findLosses(ack, await snapshotLibrary(dataDir))
          if (losses.length > 0)
            lost.push(`${code} at ${started.failedStep}: ${losses.length} losses, ${losses[0]}`)
          await rm(dataDir, { recursive: true, force: true })
        }
      }
      console.info(`recovery: ${faults} faults injected in recovery steps`)
      expect(faults).toBeGreaterThan(0)
      expect(lost).toEqual([])
    },
    caseTimeout,
  )

  it(
    'lists every document again, with a notice, after library.json is deleted',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      await rm(join(dataDir, 'library.json'))
      const { fresh } = await expectNextStartKeeps(dataDir, ack)
      expect(fresh.notices.length, 'the reader is told the library was rebuilt').toBeGreaterThan(0)
    },
    caseTimeout,
  )

  it(
    'keeps every document through five sessions after library.json is deleted',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      await rm(join(dataDir, 'library.json'))
      for (let session = 0; session < 5; session++) {
        const services = await servicesOn(
          dataDir,
          `2026-11-${29 + (session % 2)}T0${session}:00:00.000Z`,
        )
        await services.settings.update({ fontSize: 16 + session })
        await services.store.close()
      }
      await expectNextStartKeeps(dataDir, ack)
    },
    caseTimeout,
  )
})
