import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Backups } from '../../../../src/main/store/backups'
import { createServices, type Services } from '../../../../src/main/services/create-services'
import { ReviewLog } from '../../../../src/main/services/review-log'
import { openStoredFile } from '../../../../src/main/store/open-stored-file'
import { realFs } from '../../../../src/main/store/store-fs'
import { crashDocumentId, fontSizeForEntry, journalSpec } from '../../../support/journal-file'
import { resourcesDir } from '../../../support/services'
import { bundleChild } from '../../../support/bundle-child'
import { seededRandom } from '../../../support/generated-text'

/** How many times the writer is killed; LECTERN_CRASH_KILLS asks for more. */
const kills = Number(process.env['LECTERN_CRASH_KILLS'] ?? 200)
const writer = resolve(__dirname, '../../../support/crash-writer.ts')
/** The writer bundled into one file for node, made before the first round. */
let bundledWriter = ''

interface Acknowledged {
  lastJournalEntry: number
  lastLibraryEntry: number
  /** Highlight id → the note acknowledged for it ('' until its note is acknowledged). */
  notes: Map<string, string>
  cards: Set<string>
  reviewedCards: Set<string>
}

/** Runs the writer until it has acknowledged a write, waits a random moment, kills it. */
function runAndKill(dataDir: string, delayMs: number): Promise<Acknowledged> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bundledWriter, dataDir, resourcesDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acknowledged: Acknowledged = {
      lastJournalEntry: 0,
      lastLibraryEntry: 0,
      notes: new Map(),
      cards: new Set(),
      reviewedCards: new Set(),
    }
    let buffered = ''
    let stderr = ''
    let timer: ReturnType<typeof setTimeout> | undefined
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const [kind, value, id = ''] = line.split(' ')
        if (kind === 'journal') acknowledged.lastJournalEntry = Number(value)
        if (kind === 'library') acknowledged.lastLibraryEntry = Number(value)
        if (kind === 'highlight') acknowledged.notes.set(id, '')
        if (kind === 'note') acknowledged.notes.set(id, `note ${value}`)
        if (kind === 'card') acknowledged.cards.add(id)
        if (kind === 'review') acknowledged.reviewedCards.add(id)
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
    bundledWriter = await bundleChild(writer)
  })
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true })
    await rm(dirname(bundledWriter), { recursive: true, force: true })
  })

  it(
    `keeps every acknowledged write across ${kills} SIGKILLs at random moments`,
    async () => {
      const random = seededRandom(20261128)
      let expectedEntries = 0
      const notes = new Map<string, string>()
      const cards = new Set<string>()
      const reviewedCards = new Set<string>()

      /** Every acknowledged highlight, note, card and review is there after the kill. */
      async function expectAcknowledgedStudyWrites(services: Services, round: number) {
        const loaded = await services.annotations.load(crashDocumentId)
        if (!loaded.ok) throw new Error(`round ${round}: annotations unreadable`)
        const onDisk = new Map(loaded.value.highlights.map((h) => [h.id, h.note]))
        for (const [id, note] of notes) {
          expect(onDisk.has(id), `round ${round}: highlight ${id}`).toBe(true)
          // A note written just before the kill may be there though not acknowledged.
          if (note) expect(onDisk.get(id), `round ${round}: note of ${id}`).toBe(note)
        }
        const listed = await services.cards.list(crashDocumentId)
        if (!listed.ok) throw new Error(`round ${round}: cards unreadable`)
        const cardIds = new Set(listed.value.map(({ card }) => card.id))
        for (const id of cards) expect(cardIds.has(id), `round ${round}: card ${id}`).toBe(true)
        const reviewed = new Set(
          (await new ReviewLog(services.store).entries()).map((e) => e.cardId),
        )
        for (const id of reviewedCards)
          expect(reviewed.has(id), `round ${round}: review of ${id}`).toBe(true)
      }
      for (let round = 0; round < kills; round++) {
        // Kill anywhere from at once to 120 ms into the loop (a round of six writes takes about 40 ms): mid-write, mid-fsync, mid-rename, of any kind of file.
        const acknowledged = await runAndKill(dataDir, Math.floor(random() * 120))
        expectedEntries = Math.max(expectedEntries, acknowledged.lastJournalEntry)

        const notices: unknown[] = []
        const services = await createServices({ dataDir, resourcesDir, seedStudyMaterial: false })
        const store = services.store
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
        for (const [id, note] of acknowledged.notes) notes.set(id, note)
        for (const id of acknowledged.cards) cards.add(id)
        for (const id of acknowledged.reviewedCards) reviewedCards.add(id)
        await expectAcknowledgedStudyWrites(services, round)
        await services.store.close()
      }
      console.info(
        `crash safety: ${kills} kills survived, ${notes.size} highlights, ${reviewedCards.size} reviews`,
      )
      const leftovers = (await readdir(dataDir)).filter((name) => name.endsWith('.lectern-tmp'))
      expect(leftovers).toEqual([])
    },
    kills * 4_000,
  )
})
