import type * as FsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { generateProse, seededRandom } from '../../support/generated-text'
import {
  runCliChild,
  snapshotLibrary,
  takeSnapshot,
  useLibraryChild,
} from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import { caseTimeout, expectKept } from './expect-kept'

// The tester who did not write the record journal: a backup archive is made by reading the data
// folder file by file while the app goes on saving. Here the reader's next save lands between the
// archive's read of annotations.json and its read of annotations.json.journal (made deterministic
// by pausing the archive's read of the file until the save is done).

const pause = vi.hoisted(() => ({
  /** Runs once, after the archive has read the file whose path ends with `pathEnd`. */
  current: null as null | { pathEnd: string; run: () => Promise<void> },
}))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  const readFile = (async (...args: Parameters<typeof real.readFile>) => {
    const result = await real.readFile(...args)
    const hook = pause.current
    if (hook && String(args[0]).endsWith(hook.pathEnd)) {
      pause.current = null
      await hook.run()
    }
    return result
  }) as typeof real.readFile
  return { ...real, readFile, default: { ...real, readFile } }
})

describe('a backup archive taken while the reader saves', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-journal-race-')

  // Found by the tester, fixed: createBackupArchive (src/main/backup/backup-archive.ts) reads annotations.json and then
  // annotations.json.journal with no tie to the store. If the journal is folded into the file
  // (a whole write: the 500th save, a re-anchoring, compact at close) and a new save starts a fresh
  // journal between the two reads, the archive holds the old file and a journal that builds on the
  // new one: on restore the journal is stale (and no backups/<path>.latest came with the archive
  // to tell), so every save of the folded journal is gone from the restored library, silently.
  // Fix: make the archive through the store (fold journals and read each file with its journal
  // inside the file's save queue), or read the journal first and the file after, and retry a
  // file whose journal's base does not match it.
  it(
    'keeps in the archive every save acknowledged before the backup began',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      const prose = generateProse(seededRandom(5), 6_000)
      const imported = await services.library.importFile(
        new TextEncoder().encode(`epsilon.txt\n\n${prose}\n`),
        { fileName: 'epsilon.txt' },
      )
      if (!imported.ok) throw new Error(imported.error.message)
      const id = imported.value.document.id
      const highlight = async (start: number) => {
        const made = await services.annotations.create({
          documentId: id,
          start,
          end: start + 12,
          labelId: 'evidence',
        })
        if (!made.ok) throw new Error(made.error.message)
        const noted = await services.annotations.update(id, made.value.id, {
          note: `note at ${start}`,
          tags: [],
        })
        if (!noted.ok) throw new Error(noted.error.message)
      }
      for (let index = 0; index < 6; index++) await highlight(40 + index * 300)
      const before = await takeSnapshot(services, dataDir)
      pause.current = {
        pathEnd: join('documents', id, 'annotations.json'),
        run: async () => {
          // The file is written whole (its journal folded), then the next save starts afresh.
          await services.store.foldJournals()
          await highlight(3000)
        },
      }
      const made = await services.backups.backUpNow()
      expect(made.ok).toBe(true)
      expect(pause.current).toBeNull()
      const archive = made.ok ? join(services.backups.folder, made.value.name) : ''
      await services.close()
      const target = join(await makeDir(), 'restored')
      const restored = await runCliChild(['restore', archive, '--data-dir', target])
      expect(restored.code, restored.err).toBe(0)
      expectKept(before, await snapshotLibrary(target), 'restored archive')
    },
    caseTimeout,
  )
})
