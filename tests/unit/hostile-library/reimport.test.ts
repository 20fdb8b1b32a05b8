import { strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { importWebAnnotationFile } from '../../../src/main/interchange/import-annotations'
import type { Services } from '../../../src/main/services/create-services'
import { articleId } from '../../support/annotated-library'
import { useLibraryChild } from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import { makeAnnotationCollection } from '../../support/web-annotation-model'
import {
  acknowledged,
  caseTimeout,
  expectKept,
  expectNextStartKeeps,
  highlightWithNotes,
} from './expect-kept'

// Issue 14, §6: importing annotations never overwrites newer work. An older export of the
// library brought back keeps the newer notes; a foreign file that names an existing highlight's
// id for another passage makes a new highlight, and the original keeps its passage and note.

function importW3c(services: Services, json: string) {
  return importWebAnnotationFile(
    {
      library: services.library,
      annotations: services.annotations,
      labels: () => services.settings.get().highlightLabels,
      now: services.now,
    },
    json,
  )
}

describe('importing annotations over newer work', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-hostile-')

  it(
    'keeps the newer notes when an older W3C export is imported again',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      const ids = await highlightWithNotes(services, articleId, 4, (i) => `First thought ${i}`)
      const exported = await services.exports.export('w3c', articleId)
      if (!exported.ok) throw new Error(exported.error.message)
      const olderExport = strFromU8(exported.value[0]!.bytes)
      for (const [index, id] of ids.entries()) {
        const edited = await services.annotations.update(articleId, id, {
          note: `Second, better thought ${index}`,
        })
        expect(edited.ok).toBe(true)
      }
      const ack = await acknowledged(services, dataDir)
      const imported = await importW3c(services, olderExport)
      expect(imported.ok).toBe(true)
      expectKept(ack, await acknowledged(services, dataDir), 'right after the import')
      await services.store.close()
      await expectNextStartKeeps(dataDir, ack)
    },
    caseTimeout,
  )

  it(
    'keeps a highlight whose urn:lectern:highlight id a foreign file names for another passage',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      const [id] = await highlightWithNotes(services, articleId, 1, () => 'My own note')
      const opened = await services.library.open(articleId)
      if (!opened.ok) throw new Error(opened.error.message)
      const text = opened.value.content.text
      const ack = await acknowledged(services, dataDir)
      const elsewhere = text.lastIndexOf('Europol')
      const foreign = makeAnnotationCollection([
        {
          id: `urn:lectern:highlight:${id}`,
          source: `lectern://open/${articleId}`,
          exact: text.slice(elsewhere, elsewhere + 20),
          prefix: text.slice(elsewhere - 20, elsewhere),
          note: 'A stranger’s note',
          modified: '2030-01-01T00:00:00Z',
        },
      ])
      const imported = await importW3c(services, foreign)
      expect(imported.ok).toBe(true)
      expectKept(ack, await acknowledged(services, dataDir), 'right after the import')
      await services.store.close()
      await expectNextStartKeeps(dataDir, ack)
    },
    caseTimeout,
  )
})
