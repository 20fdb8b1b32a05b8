import { watch } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createBackupArchive } from '../../../src/main/backup/backup-archive'
import { articleId } from '../../support/annotated-library'
import { makeBackupArchive } from '../../support/backup-archive-fixture'
import { seededRandom } from '../../support/generated-text'
import {
  runChild,
  runCliChild,
  snapshotLibrary,
  useLibraryChild,
  type LibrarySnapshot,
} from '../../support/library-snapshot'
import { resourcesDir, servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import {
  acknowledged,
  caseTimeout,
  expectKept,
  expectNextStartKeeps,
  expectSentence,
  highlightWithNotes,
  importBytes,
} from './expect-kept'

// Issue 14, §7: a restore is all or nothing. A restore cut short leaves the target as it was (or
// complete), never a half library that opens as a fresh one; archives whose paths collide are
// refused; a lock in an archive is never restored.

/** A library with two documents, notes, a card and a review; its archive and what it holds. */
async function backedUpLibrary(
  dir: string,
): Promise<{ archive: Uint8Array; ack: LibrarySnapshot }> {
  const services = await servicesOn(dir)
  for (const name of ['one.txt', 'two.txt']) {
    const imported = await importBytes(
      services,
      name,
      `${name}\n\n${'Words of the text. '.repeat(200)}\n`,
    )
    if (!imported.ok) throw new Error(imported.error.message)
    await highlightWithNotes(services, imported.value.document.id, 4)
  }
  await highlightWithNotes(services, articleId, 6)
  const card = await services.cards.create(articleId, null, {
    kind: 'basic',
    front: 'Q',
    back: 'A',
    isReversible: false,
  })
  if (!card.ok) throw new Error(card.error.message)
  await services.reviews.grade(articleId, card.value.id, 'forward', 'good')
  const ack = await acknowledged(services, dir)
  await services.store.close()
  return { archive: await createBackupArchive(dir, '2026-11-28T10:00:00.000Z'), ack }
}

/** Empty or absent: a restore that did nothing. */
async function isUntouched(target: string): Promise<boolean> {
  return (await readdir(target).catch(() => [] as string[])).length === 0
}

/** Restores in a child and kills it at the `killAtEvent`-th change under `parent`. */
async function restoreAndKill(
  archivePath: string,
  parent: string,
  target: string,
  killAtEvent: number,
) {
  let kill = () => undefined as void
  let seen = 0
  // Changes in the folder are the restore's own steps: a kill at the n-th lands part-way.
  const watcher = watch(parent, { recursive: true }, () => {
    seen++
    if (seen === killAtEvent) kill()
  })
  const outcome = await runChild(
    ['cli', resourcesDir, '0', 'restore', archivePath, '--data-dir', target],
    { timeoutMs: 30_000, onStart: (killChild) => (kill = killChild) },
  )
  watcher.close()
  return { outcome, seen }
}

describe('restoring a backup', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-hostile-')

  it(
    'leaves the target untouched or complete when the restore is killed part-way',
    async () => {
      const { archive, ack } = await backedUpLibrary(await makeDir())
      const work = await makeDir()
      const archivePath = join(work, 'backup.zip')
      await writeFile(archivePath, archive)
      const files = Object.keys(unzipSync(archive)).length
      const random = seededRandom(7)
      let killed = 0
      for (let round = 0; round < 4; round++) {
        const parent = join(work, `round-${round}`)
        const target = join(parent, 'library')
        await mkdir(parent)
        const { outcome } = await restoreAndKill(
          archivePath,
          parent,
          target,
          1 + Math.floor(random() * files * 2),
        )
        if (outcome.signal) killed++
        if (await isUntouched(target)) continue
        expectKept(ack, await snapshotLibrary(target), `round ${round}: a restore that left files`)
      }
      console.info(`restore: ${killed} of 4 restores killed part-way`)
    },
    caseTimeout,
  )

  it(
    'refuses an archive whose paths collide (a file and a folder of one name), restoring nothing',
    async () => {
      const { archive } = await backedUpLibrary(await makeDir())
      const entries = Object.entries(unzipSync(archive)).filter(
        ([path]) => path !== 'lectern-backup.json',
      )
      const hostile = makeBackupArchive([
        ...entries,
        ['trash', 'a file named like a folder'],
        ['trash/inside.json', '{}'],
      ])
      const work = await makeDir()
      const archivePath = join(work, 'collide.zip')
      await writeFile(archivePath, hostile)
      const target = join(work, 'library')
      const restored = await runCliChild(['restore', archivePath, '--data-dir', target])
      expect(restored.code).not.toBe(0)
      expectSentence(restored.err + restored.out)
      expect(await isUntouched(target), 'a refused archive restores nothing').toBe(true)
    },
    caseTimeout,
  )

  it(
    'does not restore a lectern.lock from an archive; the restored library opens writable',
    async () => {
      const { archive, ack } = await backedUpLibrary(await makeDir())
      const entries = Object.entries(unzipSync(archive)).filter(
        ([path]) => path !== 'lectern-backup.json',
      )
      // A lock naming a process that runs (this one): restored, it would make the library read-only.
      const lock = JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: '2026-11-28T09:00:00.000Z',
      })
      const hostile = makeBackupArchive([...entries, ['lectern.lock', lock]])
      const work = await makeDir()
      const archivePath = join(work, 'with-lock.zip')
      await writeFile(archivePath, hostile)
      const target = join(work, 'library')
      const restored = await runCliChild(['restore', archivePath, '--data-dir', target])
      expectSentence(restored.err + restored.out)
      const names = await readdir(target).catch(() => [] as string[])
      expect(names, 'the archived lock was restored').not.toContain('lectern.lock')
      if (restored.code === 0) {
        const fresh = await snapshotLibrary(target)
        expect(fresh.isReadOnly, 'the restored library opens read-only').toBe(false)
        expectKept(ack, fresh, 'the restored library')
      }
    },
    caseTimeout,
  )

  it(
    'restores a whole library that the next start and check keep',
    async () => {
      const { archive, ack } = await backedUpLibrary(await makeDir())
      const work = await makeDir()
      const archivePath = join(work, 'backup.zip')
      await writeFile(archivePath, archive)
      const target = join(work, 'library')
      const restored = await runCliChild(['restore', archivePath, '--data-dir', target])
      expect(restored.code, restored.err).toBe(0)
      const { fresh } = await expectNextStartKeeps(target, ack)
      // The bundled article's highlights come back once, not doubled by a fresh start.
      expect(fresh.highlights[articleId]?.length).toBe(ack.highlights[articleId]?.length)
    },
    caseTimeout,
  )
})
