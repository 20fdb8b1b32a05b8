import { spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateProse, seededRandom } from '../../support/generated-text'
import {
  holdLibrary,
  runCliChild,
  snapshotLibrary,
  useLibraryChild,
} from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import { caseTimeout, expectSentence } from './expect-kept'

// Issue 14, §5: one writer, really. A lock left by a crashed Lectern (or an empty lock file) is
// taken over by exactly one of the commands that find it; a lock whose pid now belongs to another
// program does not keep the library read-only.

/** Rounds of the race; LECTERN_LOCK_ROUNDS asks for more. */
const rounds = Number(process.env['LECTERN_LOCK_ROUNDS'] ?? 20)

/** A lock exactly as a Lectern killed while it held the library leaves it. */
async function leaveStaleLock(dataDir: string, round: number): Promise<void> {
  if (round % 2 === 1) {
    // An empty lock file: a crash between creating the lock and writing into it.
    await writeFile(join(dataDir, 'lectern.lock'), '')
    return
  }
  const holder = await holdLibrary(dataDir)
  await holder.kill()
}

function importLines(
  out: string,
): { ok: boolean; documentId?: string; error?: { message: string } }[] {
  return out
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { ok: boolean; documentId?: string })
}

describe('the library lock', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-hostile-')

  it(
    `keeps every acknowledged import when three imports meet a stale lock (${rounds} rounds)`,
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      await services.store.close()
      const random = seededRandom(5)
      const acknowledgedIds = new Set<string>()
      let refused = 0
      for (let round = 0; round < rounds; round++) {
        await leaveStaleLock(dataDir, round)
        const files = await Promise.all(
          [0, 1, 2].map(async (writer) => {
            const path = join(
              dataDir,
              '..',
              `${dataDir.split('/').at(-1)}-r${round}-w${writer}.txt`,
            )
            await writeFile(
              path,
              `Round ${round} writer ${writer}\n\n${generateProse(random, 600)}\n`,
            )
            return path
          }),
        )
        // Started together, they meet at the lock within a millisecond or two.
        const startAt = Date.now() + 300
        const outcomes = await Promise.all(
          files.map((file) =>
            runCliChild(['import', file, '--data-dir', dataDir, '--json'], { startAt }),
          ),
        )
        for (const outcome of outcomes)
          for (const line of importLines(outcome.out)) {
            if (line.ok && line.documentId) acknowledgedIds.add(line.documentId)
            else {
              refused++
              expectSentence(line.error?.message ?? '', 'a refused import')
            }
          }
      }
      const fresh = await snapshotLibrary(dataDir)
      const listed = new Set(fresh.documents.map((doc) => doc.id))
      const missing = [...acknowledgedIds].filter((id) => !listed.has(id))
      console.info(
        `lock race: ${rounds} rounds, ${acknowledgedIds.size} imports acknowledged, ${refused} refused, ${missing.length} missing`,
      )
      expect(missing, 'acknowledged imports missing').toEqual([])
    },
    // Twenty rounds of four processes each: the slowest case (about 80 s on two shared cores).
    150_000,
  )

  it(
    'writes again when the pid of a crashed holder now belongs to another program',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      await services.store.close()
      const holder = await holdLibrary(dataDir)
      await holder.kill()
      const lockPath = join(dataDir, 'lectern.lock')
      const lock = await readFile(lockPath, 'utf8')
      // Another program now runs under the crashed holder's pid.
      const other = spawn('sleep', ['60'], { stdio: 'ignore' })
      try {
        const reused = lock.replace(/"pid":\s*\d+/, `"pid":${other.pid}`)
        expect(reused, 'the lock names its holder by pid').not.toBe(lock)
        await writeFile(lockPath, reused)
        const file = join(dataDir, '..', `${dataDir.split('/').at(-1)}-after.txt`)
        await writeFile(file, `After the crash\n\n${generateProse(seededRandom(9), 600)}\n`)
        const imported = await runCliChild(['import', file, '--data-dir', dataDir, '--json'])
        const [line] = importLines(imported.out)
        expect(line?.ok, `the import after a crash: ${imported.out} ${imported.err}`).toBe(true)
        const fresh = await snapshotLibrary(dataDir)
        expect(fresh.isReadOnly, 'the library stays read-only').toBe(false)
        expect(fresh.documents.map((doc) => doc.id)).toContain(line?.documentId)
      } finally {
        other.kill('SIGKILL')
      }
    },
    caseTimeout,
  )
})
