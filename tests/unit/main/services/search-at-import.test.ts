import { createHash, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  searchOnThisThread,
  type RequestOptions,
  type SearchBackend,
} from '../../../../src/main/search/search-backend'
import type { SearchRequest } from '../../../../src/main/search/search-engine'
import { LibraryService } from '../../../../src/main/services/library-service'
import { SearchService } from '../../../../src/main/services/search-service'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** The engine on this thread, recording each request, presented as running in a worker or not. */
function recordingBackend(isOffThread: boolean) {
  const engine = searchOnThisThread()
  const requests: { type: SearchRequest['type']; keepsProcessAlive: boolean }[] = []
  const backend: SearchBackend = {
    generation: 1,
    isOffThread,
    request: (request, options?: RequestOptions) => {
      requests.push({ type: request.type, keepsProcessAlive: options?.keepsProcessAlive ?? true })
      return engine.request(request)
    },
    hold: (work) => work,
    dispose: async () => undefined,
  }
  return { backend, requests }
}

describe('search is told of the library’s changes', () => {
  const makeDir = tempDirs()

  it('is told after an import, a new text, a deletion and a restore', async () => {
    const { store } = await servicesOn(await makeDir())
    let told = 0
    const library = new LibraryService({
      store,
      now: () => '2026-11-28T09:00:00.000Z',
      newId: () => randomUUID(),
      hashText: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
      onDocumentsChanged: () => (told += 1),
    })
    const imported = await library.importText(utf8('Grey herons wait.'), { fileName: 'h.txt' })
    if (!imported.ok) throw new Error('imports')
    expect(told).toBe(1)
    await library.reviseText(imported.value.id, utf8('Grey herons wait.'), 'h.txt')
    expect(told).toBe(1)
    await library.reviseText(imported.value.id, utf8('Grey herons fish.'), 'h.txt')
    expect(told).toBe(2)
    const removed = await library.remove(imported.value.id)
    if (!removed.ok) throw new Error('removes')
    expect(told).toBe(3)
    await library.restore(removed.value.meta, removed.value.trashName)
    expect(told).toBe(4)
  })

  it('indexes in the background in a worker, without holding the process, and waits on this thread', async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    for (const isOffThread of [true, false]) {
      const { backend, requests } = recordingBackend(isOffThread)
      const search = new SearchService({ store: services.store, dataDir, backend })
      search.noteLibraryChanged()
      await search.flush()
      expect(requests).toEqual(
        isOffThread
          ? [
              { type: 'open', keepsProcessAlive: false },
              { type: 'sync', keepsProcessAlive: false },
              { type: 'flush', keepsProcessAlive: true },
            ]
          : [
              { type: 'open', keepsProcessAlive: true },
              { type: 'sync', keepsProcessAlive: true },
              { type: 'flush', keepsProcessAlive: true },
            ],
      )
    }
  })
})
