import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { decodeSnapshot } from '../../../../src/main/search/index-snapshot'
import { keptIndexPath, SearchEngine } from '../../../../src/main/search/search-engine'
import { tempDirs } from '../../../support/temp-dir'

const hash = (letter: string) => letter.repeat(64)

/** A document folder holding a text file as the store writes it. */
async function writeText(dataDir: string, id: string, revisionHash: string, text: string) {
  await mkdir(join(dataDir, 'documents', id), { recursive: true })
  await writeFile(
    join(dataDir, 'documents', id, 'content.json'),
    JSON.stringify({
      schemaVersion: 3,
      documentId: id,
      revision: { id: 'r1', hash: revisionHash, createdAt: '2026-11-28T09:00:00.000Z' },
      text,
      segments: [{ kind: 'paragraph', start: 0, end: text.length }],
    }),
  )
}

describe('SearchEngine', () => {
  const makeDir = tempDirs()
  afterEach(() => {
    vi.useRealTimers()
  })

  it('indexes a listed text from its own file, and leaves any other revision to the store', async () => {
    const dataDir = await makeDir()
    await writeText(dataDir, 'herons', hash('a'), 'Grey herons wait by the river.')
    await writeText(dataDir, 'owls', hash('b'), 'Barn owls hunt at dusk.')
    await mkdir(join(dataDir, 'documents', 'broken'))
    await writeFile(join(dataDir, 'documents', 'broken', 'content.json'), '{"text": "cut sho')
    const engine = new SearchEngine(null)
    expect(await engine.handle({ type: 'open', dataDir, canWrite: true })).toEqual({
      isKept: false,
    })
    const listed = [
      { id: 'herons', revisionHash: hash('a') },
      { id: 'owls', revisionHash: hash('c') },
      { id: 'broken', revisionHash: hash('d') },
      { id: 'missing', revisionHash: hash('e') },
    ]
    expect(await engine.handle({ type: 'sync', documents: listed })).toEqual({
      unread: ['owls', 'broken', 'missing'],
    })
    expect(await engine.handle({ type: 'search', query: 'herons', limit: 30 })).toMatchObject([
      { documentId: 'herons', kind: 'text', start: 5, end: 11 },
    ])
    expect(await engine.handle({ type: 'search', query: 'owls', limit: 30 })).toEqual([])
  })

  it('writes its file soon after a text comes or goes, not after a highlight alone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const dataDir = await makeDir()
    await writeText(dataDir, 'herons', hash('a'), 'Grey herons wait by the river.')
    const engine = new SearchEngine(1000)
    await engine.handle({ type: 'open', dataDir, canWrite: true })
    const note = {
      id: 'herons/nh1',
      kind: 'note' as const,
      documentId: 'herons',
      start: 0,
      end: 4,
      highlightId: 'h1',
      text: 'Patient pelicans',
    }
    await engine.handle({
      type: 'annotations',
      documents: [{ documentId: 'herons', entries: [note] }],
    })
    expect(vi.getTimerCount()).toBe(0)
    await engine.handle({ type: 'sync', documents: [{ id: 'herons', revisionHash: hash('a') }] })
    expect(vi.getTimerCount()).toBe(1)
    await engine.handle({ type: 'flush' })
    expect(vi.getTimerCount()).toBe(0)
    // The highlight went with the text's write.
    const kept = decodeSnapshot(await readFile(keptIndexPath(dataDir)))
    expect(kept?.search('pelicans', 30)).toMatchObject([{ kind: 'note', highlightId: 'h1' }])
  })

  it('never writes a library it may only read', async () => {
    const dataDir = await makeDir()
    await writeText(dataDir, 'herons', hash('a'), 'Grey herons wait by the river.')
    const engine = new SearchEngine(0)
    await engine.handle({ type: 'open', dataDir, canWrite: false })
    await engine.handle({ type: 'sync', documents: [{ id: 'herons', revisionHash: hash('a') }] })
    await engine.handle({ type: 'flush' })
    expect(await engine.handle({ type: 'search', query: 'river', limit: 30 })).toHaveLength(1)
    await expect(stat(join(dataDir, 'index'))).rejects.toThrow()
  })
})
