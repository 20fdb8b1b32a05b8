import { makeEpub, tinyPng } from '../../../support/epub-fixture'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sourceOfPage } from '../../../../src/main/services/library-service'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('LibraryService', () => {
  const makeDir = tempDirs()

  it('imports the bundled article on first start, with its source, through the importer', async () => {
    const dataDir = await makeDir()
    const { library } = await servicesOn(dataDir)
    const [meta] = library.list()
    expect(meta).toMatchObject({
      id: 'europol-warns-about-e2ee',
      title: 'Europol warns industry and governments about end-to-end encryption',
      source: { name: 'heise online' },
      translation: { fromLanguage: 'de', isMachineTranslation: true },
      authorTag: 'dmk',
      language: 'en',
    })
    const opened = await library.open('europol-warns-about-e2ee')
    expect(opened.ok && opened.value.content.text).toContain('Claudia Plattner')
    // The folder describes itself, so library.json can be rebuilt from it.
    expect(await readdir(join(dataDir, 'documents', 'europol-warns-about-e2ee'))).toEqual([
      'content.json',
      'document.json',
    ])
  })

  it('imports the bundled article only once, across restarts', async () => {
    const dataDir = await makeDir()
    await servicesOn(dataDir)
    const { library, store } = await servicesOn(dataDir)
    expect(library.list()).toHaveLength(1)
    expect(store.library.data.importedBundles).toEqual(['europol-warns-about-e2ee'])
  })

  it('imports a text file, stores its text with a revision hash, and lists it first', async () => {
    const dataDir = await makeDir()
    const { library } = await servicesOn(dataDir)
    const result = await library.importText(
      utf8('My Notes\n\nA paragraph of notes about reading.'),
      { fileName: 'notes.txt' },
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.revision.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(library.list()[0]?.title).toBe('My Notes')
    const content = JSON.parse(
      await readFile(join(dataDir, 'documents', result.value.id, 'content.json'), 'utf8'),
    )
    expect(content.text).toBe('My Notes\n\nA paragraph of notes about reading.')
  })

  it('stores nothing when the file cannot be read as text', async () => {
    const dataDir = await makeDir()
    const { library } = await servicesOn(dataDir)
    const before = await readdir(join(dataDir, 'documents'))
    const result = await library.importText(new Uint8Array([0xc3, 0x28]), { fileName: 'bad.txt' })
    expect(result).toMatchObject({ ok: false, error: { code: 'encoding' } })
    expect(await readdir(join(dataDir, 'documents'))).toEqual(before)
    expect(library.list()).toHaveLength(1)
  })

  it('remembers the reading position across restarts', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    const saved = await first.library.saveReadingPosition('europol-warns-about-e2ee', {
      segmentIndex: 6,
      segmentFraction: 0.25,
      progress: 0.4,
    })
    expect(saved).toMatchObject({ ok: true, value: { segmentIndex: 6 } })
    const second = await servicesOn(dataDir)
    expect(second.library.list()[0]?.readingPosition).toMatchObject({
      segmentIndex: 6,
      segmentFraction: 0.25,
      progress: 0.4,
    })
  })

  it('says a document is gone rather than failing', async () => {
    const { library } = await servicesOn(await makeDir())
    expect(await library.open('no-such-document')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(
      await library.saveReadingPosition('no-such-document', {
        segmentIndex: 0,
        segmentFraction: 0,
        progress: 0,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})

describe('LibraryService.importFile', () => {
  const makeDir = tempDirs()

  it('imports Markdown, and a file of the same name again as a new revision', async () => {
    const { library } = await servicesOn(await makeDir())
    const first = await library.importFile(utf8('# Notes\n\nFirst version.'), {
      fileName: '/home/me/notes.md',
    })
    expect(first).toMatchObject({
      ok: true,
      value: {
        isNewRevision: false,
        document: { title: 'Notes', format: 'markdown', fileName: 'notes.md' },
      },
    })
    const second = await library.importFile(utf8('# Notes\n\nSecond version.'), {
      fileName: 'notes.md',
    })
    expect(second).toMatchObject({ ok: true, value: { isNewRevision: true } })
    expect(library.list()).toHaveLength(2)
    const opened = first.ok ? await library.open(first.value.document.id) : null
    expect(opened?.ok && opened.value.content.text).toBe('Notes\n\nSecond version.')
  })

  it('refuses a format it cannot import, naming the file', async () => {
    const { library } = await servicesOn(await makeDir())
    expect(await library.importFile(utf8('%PDF'), { fileName: 'paper.pdf' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported-format' },
    })
  })
})

describe('LibraryService.remove and restore', () => {
  const makeDir = tempDirs()

  it('moves a document to the trash and brings it back with its files', async () => {
    const dataDir = await makeDir()
    const { library } = await servicesOn(dataDir)
    const removed = await library.remove('europol-warns-about-e2ee')
    if (!removed.ok) throw new Error('removed')
    expect(library.list()).toEqual([])
    expect(await readdir(join(dataDir, 'documents'))).toEqual([])
    expect(await readdir(join(dataDir, 'trash'))).toEqual([removed.value.trashName])
    expect(await library.restore(removed.value.meta, removed.value.trashName)).toMatchObject({
      ok: true,
    })
    const opened = await library.open('europol-warns-about-e2ee')
    expect(opened.ok && opened.value.content.text).toContain('Claudia Plattner')
  })
})

describe('LibraryService importing an EPUB', () => {
  const makeDir = tempDirs()

  it('stores the book’s pictures beside its text', async () => {
    const dataDir = await makeDir()
    const { library, store } = await servicesOn(dataDir)
    const imported = await library.importFile(makeEpub(), { fileName: 'book.epub' })
    if (!imported.ok) throw new Error(imported.error.message)
    const opened = await library.open(imported.value.document.id)
    const asset = opened.ok ? opened.value.content.segments.find((s) => s.asset)?.asset : undefined
    expect(asset).toBeDefined()
    const stored = await store.readAsset(imported.value.document.id, asset!)
    expect(stored && new Uint8Array(stored)).toEqual(tinyPng)
  })
})

describe('LibraryService opening a shaped document', () => {
  const makeDir = tempDirs()

  it('opens a web page with its inline formatting and links, as they were stored', async () => {
    const dataDir = await makeDir()
    const { library } = await servicesOn(dataDir)
    const page =
      '<html><head><title>Terms</title></head><body><article><h1>Terms</h1><p>Read them <em>in full</em> at <a href="https://harbour.example.org/licence">the office</a>, and read them again before you sign the licence.</p></article></body></html>'
    const imported = await library.importFile(utf8(page), { fileName: 'terms.html' })
    if (!imported.ok) throw new Error(imported.error.message)
    const opened = await library.open(imported.value.document.id)
    if (!opened.ok) throw new Error(opened.error.message)
    const { text, marks } = opened.value.content
    expect(marks?.map((mark) => [mark.kind, text.slice(mark.start, mark.end), mark.href])).toEqual([
      ['emphasis', 'in full', undefined],
      ['link', 'the office', 'https://harbour.example.org/licence'],
    ])
  })
})

describe('sourceOfPage', () => {
  const parsed = { title: 'T', language: 'en', content: { text: '', segments: [] }, wordCount: 0 }

  it('names a page by its site, else by its address’s host, and a text file not at all', () => {
    expect(sourceOfPage({ ...parsed, siteName: 'Field Notes', url: null })).toEqual({
      name: 'Field Notes',
    })
    expect(sourceOfPage({ ...parsed, siteName: null, url: 'https://example.org/herons' })).toEqual({
      name: 'example.org',
      url: 'https://example.org/herons',
    })
    expect(sourceOfPage({ ...parsed, siteName: '', url: 'https://example.org/a' })?.name).toBe(
      'example.org',
    )
    expect(sourceOfPage(parsed)).toBeUndefined()
  })
})
