import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataStore } from '../../../../src/main/store/data-store'
import { maxJournalLines } from '../../../../src/main/store/record-journal'
import { currentSchemaVersion, type AnnotationsFile } from '../../../../src/main/store/schema'
import { FaultyFs } from '../../../support/faulty-fs'
import { steppingClock, tempDirs } from '../../../support/temp-dir'

const documentId = 'doc-1'
const relPath = `documents/${documentId}/annotations.json`

const highlight = (i: number, note = '') => ({
  id: `h${i}`,
  documentId,
  labelId: 'evidence',
  selectors: {
    quote: { type: 'TextQuoteSelector' as const, exact: `words ${i}`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start: i * 10, end: i * 10 + 5 },
  },
  revisionId: 'r1',
  status: 'anchored' as const,
  note,
  tags: [] as string[],
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
})

/** A store with `count` highlights written whole, then `saves` more saved one at a time. */
async function storeWith(dataDir: string, count: number, saves: number) {
  const store = await DataStore.open({ dataDir, now: steppingClock() })
  const file = await store.annotations(documentId, 'Doc')
  await file.update((draft) => {
    for (let i = 0; i < count; i++) draft.highlights.push(highlight(i))
  })
  for (let i = count; i < count + saves; i++)
    await file.update((draft) => {
      draft.highlights.push(highlight(i))
    })
  return { store, file }
}

/** What a fresh store (as after a crash: the first one never closed) reads. */
async function reopen(dataDir: string) {
  const store = await DataStore.open({ dataDir, now: steppingClock('2026-11-29T09:00:00.000Z') })
  return { store, data: (await store.annotations(documentId, 'Doc')).data }
}

const ids = (data: AnnotationsFile) => data.highlights.map((h) => h.id)
const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `h${from + i}`)

describe('the journal of small saves', () => {
  const makeDir = tempDirs('lectern-journal-')

  it('saves one highlight of a thousand as one line, leaving the file itself untouched', async () => {
    const dataDir = await makeDir()
    const { file } = await storeWith(dataDir, 1000, 0)
    const before = await stat(join(dataDir, relPath))
    await file.update((draft) => {
      draft.highlights.push(highlight(1000))
    })
    const after = await stat(join(dataDir, relPath))
    expect(after.mtimeMs).toBe(before.mtimeMs)
    const journal = await readFile(join(dataDir, `${relPath}.journal`), 'utf8')
    expect(journal.trimEnd().split('\n')).toHaveLength(2) // the header and the save
    expect(ids((await reopen(dataDir)).data)).toEqual(range(0, 1001))
  })

  it('replays edits and deletions in order, each record in its place', async () => {
    const dataDir = await makeDir()
    const { file } = await storeWith(dataDir, 5, 2)
    await file.update((draft) => {
      draft.highlights[1] = { ...draft.highlights[1]!, note: 'edited' }
    })
    await file.update((draft) => {
      draft.highlights = draft.highlights.filter((h) => h.id !== 'h3')
    })
    const { data } = await reopen(dataDir)
    expect(ids(data)).toEqual(['h0', 'h1', 'h2', 'h4', 'h5', 'h6'])
    expect(data.highlights[1]?.note).toBe('edited')
    expect(data).toEqual(file.data)
  })

  it('refuses to change an acknowledged record in place (records are frozen)', async () => {
    const dataDir = await makeDir()
    const { file } = await storeWith(dataDir, 2, 0)
    await expect(
      file.update((draft) => {
        ;(draft.highlights[0] as { note: string }).note = 'in place'
      }),
    ).rejects.toThrow(TypeError)
    expect(file.data.highlights[0]?.note).toBe('')
  })

  it('ignores a last save cut off while appending (never acknowledged), without a notice', async () => {
    const dataDir = await makeDir()
    await storeWith(dataDir, 3, 2)
    const path = join(dataDir, `${relPath}.journal`)
    await writeFile(path, `${await readFile(path, 'utf8')}{"seq":3,"put":{"highlights":[{"id"`)
    const { store, data } = await reopen(dataDir)
    expect(ids(data)).toEqual(range(0, 5))
    expect(store.notices).toEqual([])
  })

  it('takes a damaged line from the copy in backups/, and keeps the saves after it', async () => {
    const dataDir = await makeDir()
    await storeWith(dataDir, 3, 3)
    const path = join(dataDir, `${relPath}.journal`)
    const lines = (await readFile(path, 'utf8')).split('\n')
    lines[2] = lines[2]!.replace('words 4', 'wordz 4') // its hash no longer matches
    await writeFile(path, lines.join('\n'))
    const { store, data } = await reopen(dataDir)
    expect(ids(data)).toEqual(range(0, 6))
    expect(data.highlights[4]?.selectors.quote.exact).toBe('words 4')
    expect(store.notices).toEqual([])
  })

  it('names a save lost in both the journal and its copy, keeps the rest and the journal', async () => {
    const dataDir = await makeDir()
    await storeWith(dataDir, 3, 3)
    for (const path of [
      join(dataDir, `${relPath}.journal`),
      join(dataDir, 'backups', `${relPath}.journal`),
    ]) {
      const lines = (await readFile(path, 'utf8')).split('\n')
      lines[2] = lines[2]!.replace('words 4', 'wordz 4')
      await writeFile(path, lines.join('\n'))
    }
    const { store, data } = await reopen(dataDir)
    expect(ids(data)).toEqual(['h0', 'h1', 'h2', 'h3', 'h5'])
    expect(store.notices.map((n) => n.message).join('\n')).toMatch(
      /one recent change could not be read back/,
    )
    const names = await readdir(join(dataDir, 'documents', documentId))
    expect(names.some((name) => name.startsWith('annotations.json.journal.corrupt-'))).toBe(true)
    // Put right on disk: the next start finds everything that could be read, and no notice.
    const third = await reopen(dataDir)
    expect(ids(third.data)).toEqual(['h0', 'h1', 'h2', 'h3', 'h5'])
  })

  it('does not replay a journal built on another content of the file (made stale by a whole write)', async () => {
    const dataDir = await makeDir()
    const { file } = await storeWith(dataDir, 3, 2)
    const staleJournal = await readFile(join(dataDir, `${relPath}.journal`), 'utf8')
    await file.update((draft) => {
      draft.highlights = draft.highlights.slice(0, 1) // written whole: more than a few records
      draft.highlights.push(highlight(9, 'whole'), highlight(10), highlight(11))
    })
    // A crash between the whole write and the next journal: the old journal is still there.
    await writeFile(join(dataDir, `${relPath}.journal`), staleJournal)
    expect(ids((await reopen(dataDir)).data)).toEqual(ids(file.data))
  })

  it('opens read-only, without the journal, when a newer Lectern wrote the journal', async () => {
    const dataDir = await makeDir()
    await storeWith(dataDir, 2, 1)
    const path = join(dataDir, `${relPath}.journal`)
    const text = await readFile(path, 'utf8')
    const header = JSON.stringify({ lecternJournal: 2, base: 'x' })
    const { hashOf } = await import('../../../../src/main/store/checked-json')
    await writeFile(path, `${header}\t${hashOf(header)}\n${text.split('\n').slice(1).join('\n')}`)
    const { store } = await reopen(dataDir)
    const file = await store.annotations(documentId, 'Doc')
    expect(file.isReadOnly).toBe(true)
    expect(store.notices.map((n) => n.message).join('\n')).toMatch(/newer version of Lectern/)
  })

  it('folds the journal into the file when the store closes', async () => {
    const dataDir = await makeDir()
    const { store } = await storeWith(dataDir, 3, 4)
    await store.close()
    const onDisk = JSON.parse(await readFile(join(dataDir, relPath), 'utf8')) as AnnotationsFile
    expect(ids(onDisk)).toEqual(range(0, 7))
  })

  it(`writes the file whole after ${maxJournalLines} journaled saves, and starts a new journal`, async () => {
    const dataDir = await makeDir()
    const { file } = await storeWith(dataDir, 1, maxJournalLines)
    await file.update((draft) => {
      draft.highlights.push(highlight(maxJournalLines + 1))
    })
    const onDisk = JSON.parse(await readFile(join(dataDir, relPath), 'utf8')) as AnnotationsFile
    expect(onDisk.highlights).toHaveLength(maxJournalLines + 2)
    await file.update((draft) => {
      draft.highlights.push(highlight(maxJournalLines + 2))
    })
    const journal = await readFile(join(dataDir, `${relPath}.journal`), 'utf8')
    expect(journal.trimEnd().split('\n')).toHaveLength(2)
    expect((await reopen(dataDir)).data.highlights).toHaveLength(maxJournalLines + 3)
  })

  it('writes a file of an older version whole at its first save', async () => {
    const dataDir = await makeDir()
    await storeWith(dataDir, 2, 0)
    const path = join(dataDir, relPath)
    const old = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    await writeFile(path, JSON.stringify({ ...old, schemaVersion: 2 }))
    const { store } = await reopen(dataDir)
    const file = await store.annotations(documentId, 'Doc')
    await file.update((draft) => {
      draft.highlights.push(highlight(2))
    })
    const onDisk = JSON.parse(await readFile(path, 'utf8')) as AnnotationsFile
    expect(onDisk.schemaVersion).toBe(currentSchemaVersion)
    expect(ids(onDisk)).toEqual(range(0, 3))
  })

  it('writes the file whole when the disk fails part-way through an append, and says nothing changed only when that fails too', async () => {
    const dataDir = await makeDir()
    await storeWith(dataDir, 2, 1)
    const faulty = new FaultyFs(dataDir)
    const store = await DataStore.open({ dataDir, now: steppingClock(), fs: faulty.fs })
    const file = await store.annotations(documentId, 'Doc')
    faulty.arm(2, 'EIO') // open, write, then the fsync of the appended line fails
    await file.update((draft) => {
      draft.highlights.push(highlight(3))
    })
    expect(faulty.steps.slice(0, 3)).toEqual([
      `open ${relPath}.journal`,
      `write ${relPath}.journal`,
      `sync ${relPath}.journal`,
    ])
    // The journal was put back as it was, and the file itself now holds the save.
    const onDisk = JSON.parse(await readFile(join(dataDir, relPath), 'utf8')) as AnnotationsFile
    expect(ids(onDisk)).toEqual(range(0, 4))
    expect(ids((await reopen(dataDir)).data)).toEqual(range(0, 4))
    // A disk that refuses both the journal and the file: the reader is told, nothing changes.
    faulty.arm(0, 'ENOSPC')
    await expect(
      file.update((draft) => {
        draft.highlights.push(highlight(4))
      }),
    ).rejects.toThrow()
    expect(ids((await reopen(dataDir)).data)).toEqual(range(0, 4))
    faulty.disarm()
    await file.update((draft) => {
      draft.highlights.push(highlight(5))
    })
    expect(ids((await reopen(dataDir)).data)).toEqual([...range(0, 4), 'h5'])
  })
})
