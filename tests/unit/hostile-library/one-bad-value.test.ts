import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Services } from '../../../src/main/services/create-services'
import { generateProse, seededRandom } from '../../support/generated-text'
import {
  checkLibraryChild,
  snapshotLibrary,
  useLibraryChild,
  type LibrarySnapshot,
} from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import {
  acknowledged,
  caseTimeout,
  expectKept,
  expectNextStartKeeps,
  highlightWithNotes,
  importBytes,
  trashNames,
} from './expect-kept'

// Issue 14, §2 and §3: one bad value must not discard a whole file (records are salvaged, the
// original is kept as *.corrupt-…), and check must never trash a document on doubt — not after a
// damaged file, not on a library written by a newer Lectern.

async function importText(services: Services, fileName: string, seed: number) {
  const prose = generateProse(seededRandom(seed), 3_000)
  const imported = await importBytes(services, fileName, `${fileName}\n\n${prose}\n`)
  if (!imported.ok) throw new Error(imported.error.message)
  return imported.value.document.id
}

/** The acknowledged snapshot without one highlight (the one damaged by hand). */
function without(ack: LibrarySnapshot, documentId: string, highlightId: string): LibrarySnapshot {
  return {
    ...ack,
    highlights: {
      ...ack.highlights,
      [documentId]: (ack.highlights[documentId] ?? []).filter((h) => h.id !== highlightId),
    },
  }
}

async function editJson(path: string, edit: (value: Record<string, unknown>) => void) {
  const value = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  edit(value)
  await writeFile(path, JSON.stringify(value))
}

describe('one bad value in a data file', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-hostile-')

  for (const [name, position] of [
    ['end before start', { start: 50, end: 40 }],
    ['start −5', { start: -5, end: 40 }],
  ] as const) {
    it(
      `keeps the other 11 highlights when one has ${name} in annotations.json`,
      async () => {
        const dataDir = await makeDir()
        const services = await servicesOn(dataDir)
        const documentId = await importText(services, 'twelve.txt', 21)
        const ids = await highlightWithNotes(services, documentId, 12)
        const ack = await acknowledged(services, dataDir)
        await services.store.close()
        const damaged = ids[5]!
        await editJson(join(dataDir, 'documents', documentId, 'annotations.json'), (file) => {
          const highlights = file['highlights'] as {
            id: string
            selectors: { position: object }
          }[]
          const target = highlights.find((h) => h.id === damaged)!
          target.selectors.position = { type: 'TextPositionSelector', ...position }
        })
        const { fresh } = await expectNextStartKeeps(dataDir, without(ack, documentId, damaged))
        expect(fresh.corrupt.length, 'the damaged original is kept').toBeGreaterThan(0)
      },
      caseTimeout,
    )
  }

  it(
    'lists every document after a trailing comma in library.json',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      for (const [index, name] of ['first.txt', 'second.txt', 'third.txt'].entries()) {
        const id = await importText(services, name, 30 + index)
        await highlightWithNotes(services, id, 2)
      }
      const ack = await acknowledged(services, dataDir)
      await services.store.close()
      const path = join(dataDir, 'library.json')
      const text = await readFile(path, 'utf8')
      await writeFile(path, text.replace(/\}\],"settings"/, '},],"settings"'))
      expect(await readFile(path, 'utf8')).not.toBe(text)
      await expectNextStartKeeps(dataDir, ack)
    },
    caseTimeout,
  )

  it(
    'brings back all 20 highlights with notes of a new document after one damaged byte',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      const documentId = await importText(services, 'twenty.txt', 40)
      await highlightWithNotes(services, documentId, 20)
      const ack = await acknowledged(services, dataDir)
      expect(ack.highlights[documentId]).toHaveLength(20)
      await services.store.close()
      const path = join(dataDir, 'documents', documentId, 'annotations.json')
      const bytes = await readFile(path)
      bytes[Math.floor(bytes.length / 2)] = 0
      await writeFile(path, bytes)
      await expectNextStartKeeps(dataDir, ack)
    },
    caseTimeout,
  )

  it(
    'opens a newer library (schemaVersion 99) with a document of an unknown format, and check trashes nothing',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      const known = await importText(services, 'known.txt', 50)
      await highlightWithNotes(services, known, 3)
      const unknown = await importText(services, 'unknown.txt', 51)
      await highlightWithNotes(services, unknown, 3)
      const ack = await acknowledged(services, dataDir)
      await services.store.close()
      const path = join(dataDir, 'library.json')
      await editJson(path, (library) => {
        library['schemaVersion'] = 99
        const documents = library['documents'] as { id: string; format: string }[]
        documents.find((doc) => doc.id === unknown)!.format = 'audiobook'
      })
      const written = await readFile(path, 'utf8')
      const foldersBefore = (await readdir(join(dataDir, 'documents'))).sort()

      const fresh = await snapshotLibrary(dataDir)
      const knownOnly: LibrarySnapshot = {
        ...ack,
        documents: ack.documents.filter((doc) => doc.id !== unknown),
      }
      expectKept(knownOnly, fresh, 'next start of a newer library')
      const check = await checkLibraryChild(dataDir)
      expect(check.report, check.err).not.toBeNull()
      expect(await trashNames(dataDir), 'check moved folders to trash').toEqual([])
      expect((await readdir(join(dataDir, 'documents'))).sort()).toEqual(foldersBefore)
      expect(await readFile(path, 'utf8'), 'a newer library.json is never rewritten').toBe(written)
      expectKept(knownOnly, await snapshotLibrary(dataDir), 'after check')
    },
    caseTimeout,
  )
})
