import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { promisify } from 'node:util'
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listLibraryFiles } from '../../../../src/main/backup/backup-archive'
import { decodeSnapshot } from '../../../../src/main/search/index-snapshot'
import { keptIndexPath, type SearchRequest } from '../../../../src/main/search/search-engine'
import { searchOnThisThread, type SearchBackend } from '../../../../src/main/search/search-backend'
import { SearchService } from '../../../../src/main/services/search-service'
import { checkLibrary } from '../../../../src/main/services/library-check'
import { createServices, type Services } from '../../../../src/main/services/create-services'
import { lockFileName } from '../../../../src/main/store/library-lock'
import { bundleChild } from '../../../support/bundle-child'
import { resourcesDir, servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const utf8 = (text: string) => new TextEncoder().encode(text)
/** The titles of the documents a query finds, each once, best first. */
const titlesOf = async (services: Services, query: string) => [
  ...new Set((await services.search.search(query)).map((hit) => hit.documentTitle)),
]

/**
 * Ends a session with the index built and written: on this thread an import does not index
 * (the next search does), so the flush builds it; services.close writes it and closes the store.
 */
async function close(services: Services): Promise<void> {
  await services.search.flush()
  await services.close()
}

describe('search keeps its index on disk', () => {
  const makeDir = tempDirs()
  const children: ChildProcess[] = []
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL')
  })

  async function libraryWithHerons() {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const imported = await services.library.importFile(
      utf8('# Herons\n\nGrey herons wait by the river.'),
      { fileName: 'herons.md' },
    )
    if (!imported.ok) throw new Error('imports')
    return { dataDir, services, documentId: imported.value.document.id }
  }

  it('builds the index at import and keeps it, so a restart searches without rebuilding', async () => {
    const { dataDir, services, documentId } = await libraryWithHerons()
    await close(services)
    const kept = decodeSnapshot(await readFile(keptIndexPath(dataDir)))
    expect(kept?.search('herons', 30).length).toBeGreaterThan(0)
    // The texts are not read again: the kept index answers even with the text file unreadable.
    await writeFile(join(dataDir, 'documents', documentId, 'content.json'), 'unreadable')
    const restarted = await servicesOn(dataDir)
    expect(await titlesOf(restarted, 'herons river')).toEqual(['Herons'])
    expect(await titlesOf(restarted, 'herons encryption')).toEqual([])
    await close(restarted)
  })

  it('finds a new revision’s words and forgets the old ones, before and after a restart', async () => {
    const { dataDir, services } = await libraryWithHerons()
    await close(services)
    const reviser = await servicesOn(dataDir)
    await reviser.library.importFile(utf8('# Herons\n\nGrey herons fish in the estuary.'), {
      fileName: 'herons.md',
    })
    expect(await titlesOf(reviser, 'estuary')).toEqual(['Herons'])
    expect(await titlesOf(reviser, 'river')).toEqual([])
    await close(reviser)
    const restarted = await servicesOn(dataDir)
    expect(await titlesOf(restarted, 'estuary')).toEqual(['Herons'])
    expect(await titlesOf(restarted, 'river')).toEqual([])
    await close(restarted)
  })

  it('catches up at start with changes its kept index missed (a session that never wrote it)', async () => {
    const { dataDir, services } = await libraryWithHerons()
    await close(services)
    // A session whose index was never written: it revised one text and imported another.
    const unsaved = await servicesOn(dataDir)
    await unsaved.library.importFile(utf8('# Herons\n\nGrey herons fish in the estuary.'), {
      fileName: 'herons.md',
    })
    await unsaved.library.importFile(utf8('# Owls\n\nBarn owls hunt at dusk.'), {
      fileName: 'owls.md',
    })
    await unsaved.search.dispose()
    await unsaved.store.close()
    const restarted = await servicesOn(dataDir)
    expect(await titlesOf(restarted, 'estuary')).toEqual(['Herons'])
    expect(await titlesOf(restarted, 'river')).toEqual([])
    expect(await titlesOf(restarted, 'owls dusk')).toEqual(['Owls'])
    await close(restarted)
  })

  it('forgets a deleted document, finds it again once restored, and after a restart', async () => {
    const { dataDir, services, documentId } = await libraryWithHerons()
    const removed = await services.library.remove(documentId)
    if (!removed.ok) throw new Error('removes')
    expect(await titlesOf(services, 'herons')).toEqual([])
    await close(services)
    const afterDelete = await servicesOn(dataDir)
    expect(await titlesOf(afterDelete, 'herons')).toEqual([])
    const restored = await afterDelete.library.restore(removed.value.meta, removed.value.trashName)
    if (!restored.ok) throw new Error('restores')
    expect(await titlesOf(afterDelete, 'herons')).toEqual(['Herons'])
    await close(afterDelete)
    const restarted = await servicesOn(dataDir)
    expect(await titlesOf(restarted, 'herons')).toEqual(['Herons'])
    await close(restarted)
  })

  it('finds a document the library lost and the start put back from its folder', async () => {
    const { dataDir, services } = await libraryWithHerons()
    await close(services)
    // library.json forgets the document (and its copy does too); the folder is still there.
    const libraryPath = join(dataDir, 'library.json')
    const library = JSON.parse(await readFile(libraryPath, 'utf8')) as {
      documents: { title: string }[]
    }
    library.documents = library.documents.filter((doc) => doc.title !== 'Herons')
    await writeFile(libraryPath, JSON.stringify(library))
    for (const name of await readdir(join(dataDir, 'backups')).catch(() => []))
      if (name.startsWith('library')) await rm(join(dataDir, 'backups', name), { recursive: true })
    const restarted = await servicesOn(dataDir)
    expect(restarted.store.library.data.documents.map((doc) => doc.title)).toContain('Herons')
    expect(await titlesOf(restarted, 'herons river')).toEqual(['Herons'])
    await close(restarted)
  })

  it('finds a document that check lists again, and after a restart', async () => {
    const { dataDir, services, documentId } = await libraryWithHerons()
    expect(await titlesOf(services, 'herons river')).toEqual(['Herons'])
    // The library loses the document while its folder stays (a hand edit, a bad sync).
    await services.store.library.update((library) => {
      library.documents = library.documents.filter((doc) => doc.id !== documentId)
    })
    expect(await titlesOf(services, 'herons river')).toEqual([])
    await checkLibrary(services)
    expect(await titlesOf(services, 'herons river')).toEqual(['Herons'])
    await close(services)
    const restarted = await servicesOn(dataDir)
    expect(await titlesOf(restarted, 'herons river')).toEqual(['Herons'])
    await close(restarted)
  })

  it('leaves the kept index out of backups: it is derived and rebuilt when missing', async () => {
    const { dataDir, services } = await libraryWithHerons()
    await close(services)
    await stat(keptIndexPath(dataDir))
    const files = await listLibraryFiles(dataDir)
    expect(files).toContain('library.json')
    expect(files.filter((path) => path.startsWith('index/'))).toEqual([])
  })

  it('rebuilds a damaged, emptied or newer-version index without a word to the reader', async () => {
    const { dataDir, services } = await libraryWithHerons()
    await close(services)
    const good = await readFile(keptIndexPath(dataDir))
    const damaged = Uint8Array.from(good)
    damaged[damaged.length - 5]! ^= 0x20
    const newer = Buffer.from(
      Buffer.from(good).toString('latin1').replace('"version":1,', '"version":9,'),
      'latin1',
    )
    for (const bytes of [damaged, new Uint8Array(), newer, utf8('not an index')]) {
      await writeFile(keptIndexPath(dataDir), bytes)
      const restarted = await servicesOn(dataDir)
      expect(await titlesOf(restarted, 'herons river')).toEqual(['Herons'])
      expect(restarted.store.notices).toEqual([])
      await close(restarted)
      expect(decodeSnapshot(await readFile(keptIndexPath(dataDir)))).not.toBeNull()
    }
    await rm(join(dataDir, 'index'), { recursive: true })
    const restarted = await servicesOn(dataDir)
    expect(await titlesOf(restarted, 'grey herons')).toEqual(['Herons'])
    await close(restarted)
  })

  it('finds highlights and notes after a restart, as they are now', async () => {
    const { dataDir, services, documentId } = await libraryWithHerons()
    const opened = await services.library.open(documentId)
    if (!opened.ok) throw new Error('opens')
    const start = opened.value.content.text.indexOf('wait')
    const created = await services.annotations.create({
      documentId,
      start,
      end: start + 4,
      labelId: 'question',
    })
    if (!created.ok) throw new Error('creates')
    await services.annotations.update(documentId, created.value.id, { note: 'Patient pelicans' })
    expect((await services.search.search('pelican'))[0]).toMatchObject({ kind: 'note' })
    await close(services)
    const restarted = await servicesOn(dataDir)
    expect((await restarted.search.search('pelican'))[0]).toMatchObject({
      kind: 'note',
      highlightId: created.value.id,
    })
    await restarted.annotations.update(documentId, created.value.id, { note: 'Patient storks' })
    expect(await restarted.search.search('pelican')).toEqual([])
    expect((await restarted.search.search('storks'))[0]).toMatchObject({ kind: 'note' })
    await close(restarted)
  })

  it('searches a library another Lectern holds, in memory, and writes nothing', async () => {
    const { dataDir, services } = await libraryWithHerons()
    await close(services)
    await rm(join(dataDir, 'index'), { recursive: true })
    const other = spawn('sleep', ['60'])
    children.push(other)
    await writeFile(
      join(dataDir, lockFileName),
      JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-11-28T08:00:00.000Z' }),
    )
    const readOnly = await servicesOn(dataDir)
    expect(readOnly.store.isReadOnly).toBe(true)
    expect(await titlesOf(readOnly, 'herons river')).toEqual(['Herons'])
    await close(readOnly)
    await expect(stat(join(dataDir, 'index'))).rejects.toThrow()
  })

  it('starts a stopped engine afresh, tells it everything again, and still answers', async () => {
    const { dataDir, services } = await libraryWithHerons()
    await close(services)
    const restarted = await servicesOn(dataDir)
    // An engine that stops (as a worker out of memory would) on the first search it is asked.
    const requests: SearchRequest['type'][] = []
    let engine = searchOnThisThread()
    let generation = 1
    let hasStopped = false
    const backend: SearchBackend = {
      get generation() {
        return generation
      },
      isOffThread: false,
      request: (request) => {
        requests.push(request.type)
        if (request.type === 'search' && !hasStopped) {
          hasStopped = true
          generation += 1
          engine = searchOnThisThread()
          return Promise.reject(new Error('Search stopped (exit code 1).'))
        }
        return engine.request(request)
      },
      hold: (work) => work,
      dispose: async () => undefined,
    }
    const search = new SearchService({ store: restarted.store, dataDir, backend })
    expect([
      ...new Set((await search.search('herons river')).map((hit) => hit.documentTitle)),
    ]).toEqual(['Herons'])
    expect(requests.filter((type) => type === 'open')).toHaveLength(2)
    expect(requests.filter((type) => type === 'sync')).toHaveLength(2)
    await close(restarted)
  })

  it('uses the search worker built beside the import worker, as the app and command line do', async () => {
    const { dataDir, services } = await libraryWithHerons()
    await close(services)
    const built = await makeDir()
    // A stand-in for the built worker that answers every search with one recognisable hit.
    await writeFile(
      join(built, 'searchWorker.js'),
      `const { parentPort } = require('node:worker_threads')
      const replies = {
        open: { isKept: false },
        sync: { unread: [] },
        search: [{ kind: 'text', documentId: 'x', start: 0, end: 0, highlightId: null,
          snippet: 'from the built worker', matches: [] }],
      }
      parentPort.on('message', ({ id, request }) =>
        parentPort.postMessage({ id, reply: replies[request.type] ?? null }))`,
    )
    const restarted = await createServices({
      dataDir,
      resourcesDir,
      seedStudyMaterial: false,
      importWorker: { path: join(built, 'importWorker.js') },
    })
    expect((await restarted.search.search('herons')).map((hit) => hit.snippet)).toEqual([
      'from the built worker',
    ])
    await close(restarted)
  })

  it('builds, keeps and searches the index in a worker thread, as the app does', async () => {
    const dataDir = await makeDir()
    const workerPath = await bundleChild(
      join(__dirname, '../../../../src/main/search/search-worker.ts'),
    )
    try {
      const start = () =>
        createServices({
          dataDir,
          resourcesDir,
          seedStudyMaterial: false,
          searchWorker: { path: workerPath },
        })
      const services = await start()
      await services.library.importFile(utf8('# Herons\n\nGrey herons wait by the river.'), {
        fileName: 'herons.md',
      })
      expect(await titlesOf(services, 'herons river')).toEqual(['Herons'])
      await close(services)
      expect(decodeSnapshot(await readFile(keptIndexPath(dataDir)))).not.toBeNull()
      const restarted = await start()
      expect(await titlesOf(restarted, 'grey herons')).toEqual(['Herons'])
      await close(restarted)
    } finally {
      await rm(join(workerPath, '..'), { recursive: true, force: true })
    }
  })

  it('answers a search that waits behind an import’s indexing in a process that would exit', async () => {
    const dataDir = await makeDir()
    const workerPath = await bundleChild(
      join(__dirname, '../../../../src/main/search/search-worker.ts'),
    )
    const childPath = await bundleChild(join(__dirname, '../search/fixtures/import-then-search.ts'))
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [
        childPath,
        dataDir,
        workerPath,
        resourcesDir,
      ])
      expect(stdout.trim()).toBe('["Herons"]')
      expect(decodeSnapshot(await readFile(keptIndexPath(dataDir)))).not.toBeNull()
    } finally {
      await rm(join(workerPath, '..'), { recursive: true, force: true })
      await rm(join(childPath, '..'), { recursive: true, force: true })
    }
  })
})
