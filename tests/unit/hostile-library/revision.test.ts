import { copyFile, cp } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateProse, seededRandom } from '../../support/generated-text'
import { checkLibraryChild, snapshotLibrary, useLibraryChild } from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import {
  acknowledged,
  caseTimeout,
  expectKept,
  highlightWithNotes,
  importBytes,
} from './expect-kept'

// Issue 14, §8: a new revision of a document changes content.json and library.json. A crash
// between the two renames leaves the new text under the old revision's entry; the next start
// must reconcile them (and say so), and check must see it.

describe('a revision cut short between its two files', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-hostile-')

  it(
    'reconciles the new text with the library entry at the next start, and says so',
    async () => {
      const dataDir = await makeDir()
      const prose = generateProse(seededRandom(80), 3_000)
      const first = `Revised\n\n${prose}\n`
      const services = await servicesOn(dataDir)
      const imported = await importBytes(services, 'revised.txt', first)
      if (!imported.ok) throw new Error(imported.error.message)
      const documentId = imported.value.document.id
      await highlightWithNotes(services, documentId, 5)
      const ack = await acknowledged(services, dataDir)
      await services.store.close()

      // The same revision made on a copy; only its content.json reaches the library, as if the
      // process died between the renames of content.json and library.json.
      const copy = await makeDir()
      await cp(dataDir, copy, { recursive: true })
      const other = await servicesOn(copy, '2026-11-29T09:00:00.000Z')
      const revised = await importBytes(
        other,
        'revised.txt',
        `${first}\nA paragraph added later.\n`,
      )
      expect(revised.ok && revised.value.isNewRevision).toBe(true)
      await other.store.close()
      const contentPath = join('documents', documentId, 'content.json')
      await copyFile(join(copy, contentPath), join(dataDir, contentPath))

      const fresh = await snapshotLibrary(dataDir)
      expectKept(ack, fresh, 'next start')
      const doc = fresh.documents.find((d) => d.id === documentId)!
      expect(doc.contentRevisionId, 'library.json and content.json name one revision').toBe(
        doc.revisionId,
      )
      const check = await checkLibraryChild(dataDir)
      const said = [
        ...fresh.notices,
        ...(check.report?.notices ?? []),
        ...(check.report?.repaired ?? []),
        ...(check.report?.problems ?? []),
      ]
      expect(said, 'neither the start nor check said anything').not.toEqual([])
      expect(check.report?.documents).toBe(ack.documents.length)
    },
    caseTimeout,
  )
})
