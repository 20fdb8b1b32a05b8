import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Backups } from '../../../../src/main/store/backups'
import { DataStore } from '../../../../src/main/store/data-store'
import { openStoredFile } from '../../../../src/main/store/open-stored-file'
import { realFs } from '../../../../src/main/store/store-fs'
import { fontSizeForEntry, journalSpec } from '../../../support/journal-file'

/** How many times the writer is killed; LECTERN_CRASH_KILLS asks for more. */
const kills = Number(process.env['LECTERN_CRASH_KILLS'] ?? 50)
const writer = resolve(__dirname, '../../../support/crash-writer.ts')

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Acknowledged {
  lastJournalEntry: number
  lastLibraryEntry: number
}

/** Runs the writer until it has acknowledged a write, waits a random moment, kills it. */
function runAndKill(dataDir: string, delayMs: number): Promise<Acknowledged> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acknowledged: Acknowledged = { lastJournalEntry: 0, lastLibraryEntry: 0 }
    let buffered = ''
    let stderr = ''
    let timer: ReturnType<typeof setTimeout> | undefined
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const [kind, value] = line.split(' ')
        if (kind === 'journal') acknowledged.lastJournalEntry = Number(value)
        if (kind === 'library') acknowledged.lastLibraryEntry = Number(value)
      }
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('exit', (_code, signal) => {
      clearTimeout(timer)
      if (signal === 'SIGKILL') resolvePromise(acknowledged)
      else reject(new Error(`writer exited on its own: ${stderr}`))
    })
  })
}

describe('crash safety', () => {
  let dataDir: string
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lectern-crash-'))
  })
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it(
    `keeps every acknowledged write across ${kills} SIGKILLs at random moments`,
    async () => {
      const random = seededRandom(20261128)
      let expectedEntries = 0
      for (let round = 0; round < kills; round++) {
        // Kill anywhere from at once to 30 ms into the loop: mid-write, mid-fsync, mid-rename.
        const acknowledged = await runAndKill(dataDir, Math.floor(random() * 30))
        expectedEntries = Math.max(expectedEntries, acknowledged.lastJournalEntry)

        const notices: unknown[] = []
        const store = await DataStore.open({ dataDir, now: () => new Date().toISOString() })
        const journal = await openStoredFile(journalSpec, {
          dataDir,
          fs: realFs,
          backups: new Backups(dataDir, realFs),
          now: () => new Date().toISOString(),
          report: (notice) => notices.push(notice),
        })
        expect(notices, `round ${round}: no file was damaged`).toEqual([])
        expect(store.notices, `round ${round}: library intact`).toEqual([])
        const entries = journal?.data.entries ?? []
        expect(
          entries.length,
          `round ${round}: every acknowledged write is there`,
        ).toBeGreaterThanOrEqual(expectedEntries)
        expect(entries).toEqual(Array.from({ length: entries.length }, (_, i) => i + 1))
        // library.json holds the settings of an entry between the last acknowledged library
        // write and the last journal entry on disk (a write may land just before the kill).
        if (acknowledged.lastLibraryEntry > 0) {
          const possible = new Set<number>()
          for (let entry = acknowledged.lastLibraryEntry; entry <= entries.length; entry++) {
            possible.add(fontSizeForEntry(entry))
          }
          expect(possible).toContain(store.library.data.settings.fontSize)
        }
        expectedEntries = entries.length
      }
      const leftovers = (await readdir(dataDir)).filter((name) => name.endsWith('.lectern-tmp'))
      expect(leftovers).toEqual([])
    },
    kills * 3_000,
  )
})
