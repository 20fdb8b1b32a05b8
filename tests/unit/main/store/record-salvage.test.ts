import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkLibrary } from '../../../../src/main/services/library-check'
import type { Services } from '../../../../src/main/services/create-services'
import { DataStore } from '../../../../src/main/store/data-store'
import { UnsavableValueError } from '../../../../src/main/store/stored-file'
import { currentSchemaVersion } from '../../../../src/main/store/schema'
import { FaultyFs } from '../../../support/faulty-fs'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const text = Array.from(
  { length: 30 },
  (_, i) => `Paragraph ${i} says something worth keeping about topic ${i}.`,
).join('\n\n')

/** A new document with `count` highlights, each with a note, made in one session. */
async function documentWithNotes(services: Services, count: number, fileName = 'notes.txt') {
  const imported = await services.library.importFile(new TextEncoder().encode(text), { fileName })
  if (!imported.ok) throw new Error(imported.error.message)
  const id = imported.value.document.id
  const opened = await services.library.open(id)
  if (!opened.ok) throw new Error('open')
  for (let i = 0; i < count; i++) {
    const start = opened.value.content.text.indexOf(`Paragraph ${i} `)
    const made = await services.annotations.create({
      documentId: id,
      start,
      end: start + 12,
      labelId: 'evidence',
    })
    if (!made.ok) throw new Error(made.error.message)
    const noted = await services.annotations.update(id, made.value.id, { note: `note ${i}` })
    if (!noted.ok) throw new Error(noted.error.message)
  }
  return id
}

async function notesOf(services: Services, documentId: string): Promise<string[]> {
  const loaded = await services.annotations.load(documentId)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value.highlights.map((h) => h.note).sort()
}

const expectedNotes = (count: number) => Array.from({ length: count }, (_, i) => `note ${i}`).sort()

describe('a damaged file keeps every record it can', () => {
  const makeDir = tempDirs()

  it('brings back all 20 notes of a session after one damaged byte in their file', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    const id = await documentWithNotes(first, 20)
    await first.store.close()
    const path = join(dataDir, 'documents', id, 'annotations.json')
    const bytes = await readFile(path)
    bytes[Math.floor(bytes.length / 2)] = 0x7b // "{" in the middle of a record
    await writeFile(path, bytes)

    const reopened = await servicesOn(dataDir)
    expect(await notesOf(reopened, id)).toEqual(expectedNotes(20))
    expect(reopened.store.notices.map((n) => n.title)).toContain('Repaired a damaged file')
    const names = await readdir(join(dataDir, 'documents', id))
    expect(names.some((name) => name.startsWith('annotations.json.corrupt-'))).toBe(true)
  })

  it('keeps all 12 highlights when one has end before start, mending that one by its quote', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    const id = await documentWithNotes(first, 12)
    await first.store.close()
    const path = join(dataDir, 'documents', id, 'annotations.json')
    const file = JSON.parse(await readFile(path, 'utf8'))
    file.highlights[4].selectors.position = { type: 'TextPositionSelector', start: 50, end: 40 }
    await writeFile(path, JSON.stringify(file))
    // Without the copy of the last save, only the file itself can be salvaged.
    await rm(join(dataDir, 'backups', 'documents', id, 'annotations.json.latest'))

    const reopened = await servicesOn(dataDir)
    // The bad record keeps its note and waits, by its quote, to be re-attached.
    expect(await notesOf(reopened, id)).toEqual(expectedNotes(12))
    const loaded = await reopened.annotations.load(id)
    if (!loaded.ok) throw new Error('load')
    const mended = loaded.value.highlights.find((h) => h.note === 'note 4')
    expect(mended?.status).toBe('orphan')
    expect(mended?.selectors.quote.exact).toBe('Paragraph 4 ')
    const notice = reopened.store.notices.find((n) => n.id.endsWith('annotations.json'))
    expect(notice?.message).toMatch(/1 entry had to be mended \(the highlight “Paragraph 4/)
  })

  it('lists every document again after a trailing comma in library.json', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    await documentWithNotes(first, 1, 'a.txt')
    await documentWithNotes(first, 1, 'b.txt')
    const titles = first.library.list().map((doc) => doc.id)
    await first.store.close()
    const path = join(dataDir, 'library.json')
    const json = await readFile(path, 'utf8')
    await writeFile(path, json.replace(/\]\s*,\s*"settings"/, '],,"settings"').replace(/}$/, ',}'))

    const reopened = await servicesOn(dataDir)
    expect(
      reopened.library
        .list()
        .map((doc) => doc.id)
        .sort(),
    ).toEqual([...titles].sort())
  })

  it('lists every document again when library.json and all its copies are gone', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir, undefined, true)
    const id = await documentWithNotes(first, 3)
    await first.store.close()
    await rm(join(dataDir, 'library.json'))
    await rm(join(dataDir, 'backups', 'library.json.latest'))
    for (const name of await readdir(join(dataDir, 'backups')))
      if (name.startsWith('library.json')) await rm(join(dataDir, 'backups', name))

    const reopened = await servicesOn(dataDir, undefined, true)
    expect(reopened.library.list().map((doc) => doc.id)).toContain(id)
    expect(reopened.store.notices.map((n) => n.title)).toContain('Documents listed again')
    expect(await notesOf(reopened, id)).toEqual(expectedNotes(3))
    // The bundled article's study material is set up once, not twice.
    const bundled = await reopened.annotations.load('europol-warns-about-e2ee')
    if (!bundled.ok) throw new Error('bundled')
    expect(bundled.value.highlights).toHaveLength(12)
    const report = await checkLibrary(reopened)
    expect(report.problems).toEqual([])
    expect(await readdir(dataDir)).not.toContain('trash')
  })

  it('brings a deleted library.json back from the copy of the last save', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    const id = await documentWithNotes(first, 2)
    await first.store.close()
    await rm(join(dataDir, 'library.json'))

    const reopened = await servicesOn(dataDir)
    expect(reopened.library.list().map((doc) => doc.id)).toContain(id)
    expect(reopened.store.notices.map((n) => n.title)).toContain(
      'A missing data file was brought back',
    )
  })

  it('never loses library.json when any step of its repair fails (ENOSPC, EIO)', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    const id = await documentWithNotes(first, 2)
    await first.store.close()
    const path = join(dataDir, 'library.json')
    await writeFile(path, (await readFile(path, 'utf8')).slice(0, -20))
    const damaged = await readFile(path)
    const pristine = `${dataDir}-pristine`
    await cp(dataDir, pristine, { recursive: true })
    const now = () => '2026-12-01T10:00:00.000Z'

    // The steps an undisturbed repair takes, counted once.
    const tracer = new FaultyFs(dataDir)
    tracer.arm(-1)
    await (await DataStore.open({ dataDir, now, fs: tracer.fs })).close()
    const steps = tracer.steps.length
    expect(tracer.steps.some((step) => step.startsWith('copy library.json.corrupt'))).toBe(true)

    let readOnly = 0
    for (const code of ['ENOSPC', 'EIO'] as const)
      for (let failAt = 0; failAt < steps; failAt++) {
        await rm(dataDir, { recursive: true, force: true })
        await cp(pristine, dataDir, { recursive: true })
        const faulty = new FaultyFs(dataDir)
        faulty.arm(failAt, code)
        const store = await DataStore.open({ dataDir, now, fs: faulty.fs }).catch(() => null)
        if (store?.library.isReadOnly) {
          readOnly++
          expect(store.library.data.documents.map((doc) => doc.id)).toContain(id)
        }
        await store?.close()
        // library.json is still there: the damaged original, or the repaired file.
        const onDisk = await readFile(path)
        if (!onDisk.equals(damaged)) expect(JSON.parse(onDisk.toString()).documents).toHaveLength(2)
        const later = await DataStore.open({ dataDir, now })
        expect(later.library.data.documents.map((doc) => doc.id)).toContain(id)
        expect(later.library.isReadOnly).toBe(false)
        await later.close()
      }
    expect(readOnly).toBeGreaterThan(0)
    await rm(pristine, { recursive: true, force: true })
  })

  it('opens a newer library read-only with the documents it understands, and check moves nothing', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    const id = await documentWithNotes(first, 1)
    await first.store.close()
    const path = join(dataDir, 'library.json')
    const library = JSON.parse(await readFile(path, 'utf8'))
    library.schemaVersion = currentSchemaVersion + 1
    library.documents.push({ ...library.documents[0], id: 'future-doc', format: 'hologram' })
    await writeFile(path, JSON.stringify(library))
    await writeFile(join(dataDir, 'documents', id, 'x'), '')

    const reopened = await servicesOn(dataDir)
    expect(reopened.store.library.isReadOnly).toBe(true)
    expect(reopened.library.list().map((doc) => doc.id)).toContain(id)
    const report = await checkLibrary(reopened)
    expect(report.repaired).toEqual([])
    expect(await readdir(dataDir)).not.toContain('trash')
    expect(JSON.parse(await readFile(path, 'utf8')).documents).toHaveLength(
      library.documents.length,
    )
  })

  it('refuses to store a value that its own schema would refuse on the next start', async () => {
    const dataDir = await makeDir()
    const store = await DataStore.open({ dataDir, now: () => '2026-12-01T10:00:00.000Z' })
    const before = await readFile(join(dataDir, 'library.json'), 'utf8').catch(() => null)
    await expect(
      store.library.update((draft) => {
        draft.settings = { ...draft.settings, fontSize: 10_000 }
      }),
    ).rejects.toBeInstanceOf(UnsavableValueError)
    expect(await readFile(join(dataDir, 'library.json'), 'utf8').catch(() => null)).toBe(before)
    expect(store.library.data.settings.fontSize).not.toBe(10_000)
    await store.close()
  })
})
