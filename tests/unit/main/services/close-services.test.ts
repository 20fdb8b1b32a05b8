import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { searchOnThisThread, type SearchBackend } from '../../../../src/main/search/search-backend'
import { keptIndexPath, SearchEngine } from '../../../../src/main/search/search-engine'
import { lockFileName } from '../../../../src/main/store/library-lock'
import { baseHashOf, readJournal } from '../../../../src/main/store/record-journal'
import { SearchService } from '../../../../src/main/services/search-service'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const utf8 = (text: string) => new TextEncoder().encode(text)

/**
 * The journals beside the data dir's files that hold saves the next start would replay: saves
 * building on the file as it is now. (A folded file leaves its journal stale: never replayed.)
 */
async function journalsWithSaves(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true })
  const journals = entries.filter(
    (entry) => entry.endsWith('.journal') && !entry.startsWith('backups'),
  )
  const withSaves: string[] = []
  for (const journal of journals) {
    const path = join(dataDir, journal)
    const file = await readFile(path.slice(0, -'.journal'.length), 'utf8')
    const read = readJournal(await readFile(path, 'utf8'), baseHashOf(file))
    if (!read.isStale && read.saves > 0) withSaves.push(journal)
  }
  return withSaves.sort()
}

/** Whether a fresh engine opening the data dir takes the kept index as it is. */
async function isIndexKept(dataDir: string): Promise<boolean> {
  const reply = await new SearchEngine(null).handle({ type: 'open', dataDir, canWrite: false })
  return (reply as { isKept: boolean }).isKept
}

describe('services.close', () => {
  const makeDir = tempDirs()

  async function sessionWithSaves() {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const imported = await services.library.importText(
      utf8('Herons\n\nGrey herons wait by the river for fish.'),
      { fileName: 'herons.txt' },
    )
    if (!imported.ok) throw new Error(imported.error.message)
    const highlighted = await services.annotations.create({
      documentId: imported.value.id,
      start: 8,
      end: 19,
      labelId: 'key-position',
    })
    if (!highlighted.ok) throw new Error(highlighted.error.message)
    return { dataDir, services, documentId: imported.value.id }
  }

  it('writes the search index a search built and folds every journal into its file', async () => {
    const { dataDir, services } = await sessionWithSaves()
    expect((await services.search.search('herons')).length).toBeGreaterThan(0)
    // Before closing, the saves are in journals and the index only in memory.
    expect(await journalsWithSaves(dataDir)).not.toEqual([])
    expect(await isIndexKept(dataDir)).toBe(false)

    await services.close()

    expect(await journalsWithSaves(dataDir)).toEqual([])
    expect(await isIndexKept(dataDir)).toBe(true)
    const restarted = await servicesOn(dataDir)
    const hits = await restarted.search.search('herons')
    expect(hits.map((hit) => hit.documentTitle)).toContain('Herons')
    expect(restarted.library.list().map((doc) => doc.title)).toContain('Herons')
    await restarted.close()
  })

  it('releases the library’s lock, so another Lectern may write it', async () => {
    const { dataDir, services } = await sessionWithSaves()
    const lock = join(dataDir, lockFileName)
    expect(existsSync(lock)).toBe(true)
    await services.close()
    expect(existsSync(lock)).toBe(false)
  })

  it('does not start search to close it, and waits for the same close when called twice', async () => {
    const { dataDir, services } = await sessionWithSaves()
    await Promise.all([services.close(), services.close()])
    // No search ran: there was no index to keep, and none was built for closing.
    await expect(readdir(join(keptIndexPath(dataDir), '..'))).rejects.toThrow()
    expect(await journalsWithSaves(dataDir)).toEqual([])
  })
})

describe('SearchService.close', () => {
  const makeDir = tempDirs()

  it('gives up a save that never ends and still stops the engine', async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const engine = searchOnThisThread()
    let isDisposed = false
    const backend: SearchBackend = {
      generation: 1,
      isOffThread: true,
      // The engine answers everything but the save, which hangs as a stuck worker would.
      request: (request) =>
        request.type === 'flush' ? new Promise(() => undefined) : engine.request(request),
      hold: (work) => work,
      dispose: async () => {
        isDisposed = true
      },
    }
    const search = new SearchService({ store: services.store, dataDir, backend })
    await search.search('herons')
    await search.close(0)
    expect(isDisposed).toBe(true)
    await services.close()
  })
})
