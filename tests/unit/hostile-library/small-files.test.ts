import { execFileSync } from 'node:child_process'
import { symlink, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeShapedEpub } from '../../support/epub-fixture'
import { generateProse, seededRandom } from '../../support/generated-text'
import { runCliChild, useLibraryChild, type LibrarySnapshot } from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import {
  acknowledged,
  caseTimeout,
  expectNextStartKeeps,
  expectSentence,
  highlightWithNotes,
} from './expect-kept'

// Issue 14, "small files that hang": the command holds the library's lock while it reads, so a
// file that never ends, or a parser that never finishes, keeps every other Lectern read-only.
// Each odd file is imported with `lectern import` in a child that is killed if it runs past a
// bound far above what a finished import takes (bounds, not timings: a hang meets the bound).

/** Past this, an import counts as hung. */
const hangBoundMs = 25_000
/** A runaway reader stops at this much memory instead of taking the machine's. */
const memoryLimitKb = 3_000_000

async function libraryWithNotes(dataDir: string): Promise<LibrarySnapshot> {
  const services = await servicesOn(dataDir)
  await highlightWithNotes(services, 'europol-warns-about-e2ee', 3)
  const ack = await acknowledged(services, dataDir)
  await services.store.close()
  return ack
}

/** Imports `file` with the command line; it must end, with an import or a sentence. */
async function importOdd(dataDir: string, file: string, memoryKb = memoryLimitKb) {
  const outcome = await runCliChild(['import', file, '--data-dir', dataDir, '--json'], {
    timeoutMs: hangBoundMs,
    memoryLimitKb: memoryKb,
  })
  expect(outcome.timedOut, `lectern import ${file} was still running after ${hangBoundMs} ms`).toBe(
    false,
  )
  expect(outcome.signal).toBeNull()
  const line = outcome.out.split('\n').find((l) => l.startsWith('{'))
  expect(line, `no answer: ${outcome.err}`).toBeDefined()
  const answer = JSON.parse(line!) as {
    ok: boolean
    documentId?: string
    error?: { message: string }
  }
  if (!answer.ok) expectSentence(answer.error?.message ?? '', 'the refusal')
  expectSentence(outcome.err || 'no error output', 'what the command printed')
  return answer
}

describe('small files that hang or exhaust memory', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-hostile-')

  it(
    'refuses a named pipe called p.txt with a sentence, and keeps the library',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      const fifo = join(await makeDir(), 'p.txt')
      execFileSync('mkfifo', [fifo])
      const answer = await importOdd(dataDir, fifo)
      expect(answer.ok).toBe(false)
      await expectNextStartKeeps(dataDir, ack)
    },
    caseTimeout,
  )

  it(
    'refuses a symlink to /dev/zero with a sentence, and keeps the library',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      const link = join(await makeDir(), 'zero.txt')
      await symlink('/dev/zero', link)
      const answer = await importOdd(dataDir, link)
      expect(answer.ok).toBe(false)
      await expectNextStartKeeps(dataDir, ack)
    },
    caseTimeout,
  )

  it(
    'refuses a 1 GB text file by its size, before reading it',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      const big = join(await makeDir(), 'big.txt')
      // Sparse: 1 GB that takes no room on the disk, but would fill the memory if read.
      await writeFile(big, '')
      await truncate(big, 1024 ** 3)
      // Room for Lectern (about 1 GB of address space), not for the file as well.
      const answer = await importOdd(dataDir, big, 1_500_000)
      expect(answer.ok).toBe(false)
      // Refused for its size (known before a byte is read), not for a failed read.
      expect(answer.error?.message).toMatch(/\bMB\b|too (?:big|large)|larger/i)
      await expectNextStartKeeps(dataDir, ack)
    },
    caseTimeout,
  )

  for (const depth of [2_500, 10_000]) {
    it(
      `finishes importing a page of ${depth.toLocaleString('en')} nested <div>s (kept or refused)`,
      async () => {
        const dataDir = await makeDir()
        const ack = await libraryWithNotes(dataDir)
        const page = join(await makeDir(), `nested-${depth}.html`)
        const words = generateProse(seededRandom(depth), 2_000)
        await writeFile(
          page,
          `<!doctype html><html lang="en"><head><title>Nested</title></head><body>${'<div>'.repeat(depth)}<p>${words}</p>${'</div>'.repeat(depth)}</body></html>`,
        )
        const answer = await importOdd(dataDir, page)
        const { fresh } = await expectNextStartKeeps(dataDir, ack)
        if (answer.ok) expect(fresh.documents.map((d) => d.id)).toContain(answer.documentId)
      },
      caseTimeout,
    )
  }

  it(
    'reads an EPUB whose spine lists one chapter 4,000 times as a bounded text',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      const chapter = `<p>${generateProse(seededRandom(4), 10_000)}</p>`
      const book = join(await makeDir(), 'repeated.epub')
      await writeFile(
        book,
        makeShapedEpub({ title: 'Repeated', chapters: [chapter], spine: Array(4_000).fill(0) }),
      )
      const answer = await importOdd(dataDir, book)
      const { fresh } = await expectNextStartKeeps(dataDir, ack)
      if (answer.ok) {
        const doc = fresh.documents.find((d) => d.id === answer.documentId)
        // One chapter of about 10,000 characters, not 4,000 copies of it (40 MB).
        expect(doc?.textLength ?? 0).toBeLessThan(100_000)
      }
    },
    caseTimeout,
  )
})
