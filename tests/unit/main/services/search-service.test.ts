import { describe, expect, it } from 'vitest'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const documentId = 'europol-warns-about-e2ee'
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('SearchService', () => {
  const makeDir = tempDirs()

  it('finds words in the text as they are typed, with where they are', async () => {
    const services = await servicesOn(await makeDir())
    const opened = await services.library.open(documentId)
    if (!opened.ok) throw new Error('opens')
    const [hit] = await services.search.search('Zuckerb')
    expect(hit).toMatchObject({
      kind: 'text',
      documentId,
      documentTitle: expect.stringContaining('Europol warns'),
    })
    expect(opened.value.content.text.slice(hit!.start, hit!.end)).toBe('Zuckerberg')
    expect(hit!.snippet.slice(hit!.matches[0]!.start, hit!.matches[0]!.end)).toBe('Zuckerberg')
  })

  it('finds notes and tags, and sees changes since the last search', async () => {
    const services = await servicesOn(await makeDir())
    expect(await services.search.search('pelican')).toEqual([])
    const opened = await services.library.open(documentId)
    if (!opened.ok) throw new Error('opens')
    const start = opened.value.content.text.indexOf('Absolutism')
    const created = await services.annotations.create({
      documentId,
      start,
      end: start + 10,
      labelId: 'question',
    })
    if (!created.ok) throw new Error('created')
    await services.annotations.update(documentId, created.value.id, {
      note: 'Compare with the pelican argument',
      tags: ['rhetoric'],
    })
    const [note] = await services.search.search('pelican')
    expect(note).toMatchObject({ kind: 'note', highlightId: created.value.id, start })
    expect((await services.search.search('rhetoric'))[0]).toMatchObject({ kind: 'note' })
  })

  it('finds a newly imported document and needs every word (AND)', async () => {
    const services = await servicesOn(await makeDir())
    await services.library.importFile(utf8('# Herons\n\nGrey herons wait by the river.'), {
      fileName: 'herons.md',
    })
    expect((await services.search.search('herons river')).map((h) => h.documentTitle)).toEqual([
      'Herons',
    ])
    expect(await services.search.search('herons encryption')).toEqual([])
  })
})
