import type { AnnotationsFile } from '../../../../src/main/store/schema'
import { storedOnDisk } from '../../../support/stored-on-disk'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describe as describePassage } from '../../../../src/shared/domain/anchoring'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const documentId = 'europol-warns-about-e2ee'
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('AnnotationService', () => {
  const makeDir = tempDirs()

  async function withArticle() {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const opened = await services.library.open(documentId)
    if (!opened.ok) throw new Error('the bundled article opens')
    const text = opened.value.content.text
    const span = (quote: string) => ({
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
    })
    const annotationsOnDisk = async () =>
      storedOnDisk<AnnotationsFile>(dataDir, `documents/${documentId}/annotations.json`)
    return { dataDir, services, text, span, annotationsOnDisk }
  }

  it('creates a highlight with W3C selectors and writes it before answering', async () => {
    const { services, span, annotationsOnDisk } = await withArticle()
    const quote = 'there must be more secure end-to-end encryption'
    const created = await services.annotations.create({
      documentId,
      ...span(quote),
      labelId: 'key-position',
    })
    expect(created.ok).toBe(true)
    if (!created.ok) return
    expect(created.value.selectors.quote).toMatchObject({ type: 'TextQuoteSelector', exact: quote })
    expect(created.value.selectors.quote.prefix).toHaveLength(32)
    expect((await annotationsOnDisk()).highlights).toEqual([created.value])
  })

  it('allows overlapping highlights', async () => {
    const { services, span } = await withArticle()
    const a = await services.annotations.create({
      documentId,
      ...span('Volker Wissing even wants'),
      labelId: 'key-position',
    })
    const b = await services.annotations.create({
      documentId,
      ...span('even wants to enshrine the right'),
      labelId: 'evidence',
    })
    expect(a.ok && b.ok).toBe(true)
    const loaded = await services.annotations.load(documentId)
    expect(loaded.ok && loaded.value.highlights).toHaveLength(2)
  })

  it('refuses an unknown colour and a passage outside the text', async () => {
    const { services, text } = await withArticle()
    expect(
      await services.annotations.create({ documentId, start: 0, end: 5, labelId: 'neon' }),
    ).toMatchObject({ ok: false, error: { code: 'unknown-label' } })
    expect(
      await services.annotations.create({
        documentId,
        start: 5,
        end: text.length + 1,
        labelId: 'evidence',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-passage' },
    })
  })

  it('recolours, writes a note and tags, deletes, and restores exactly', async () => {
    const { services, span, annotationsOnDisk } = await withArticle()
    const created = await services.annotations.create({
      documentId,
      ...span('Absolutism is not useful on either side.'),
      labelId: 'evidence',
    })
    if (!created.ok) throw new Error('created')
    const id = created.value.id
    const updated = await services.annotations.update(documentId, id, {
      labelId: 'question',
      note: 'Who says **this**?',
      tags: [' Police ', 'police', 'stance'],
    })
    expect(updated).toMatchObject({
      ok: true,
      value: { labelId: 'question', note: 'Who says **this**?', tags: ['police', 'stance'] },
    })
    if (!updated.ok) return
    expect(await services.annotations.remove(documentId, id)).toEqual({ ok: true, value: null })
    expect((await annotationsOnDisk()).highlights).toEqual([])
    expect(await services.annotations.restore(documentId, updated.value)).toEqual({
      ok: true,
      value: updated.value,
    })
    expect((await annotationsOnDisk()).highlights).toEqual([updated.value])
  })

  it('says a missing highlight is gone and writes nothing', async () => {
    const { services } = await withArticle()
    expect(await services.annotations.update(documentId, 'nope', { note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(await services.annotations.remove(documentId, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })

  it('re-anchors after a new revision of the text and reports kept, moved, changed and orphaned', async () => {
    const { services, span, text } = await withArticle()
    const make = async (quote: string) => {
      const result = await services.annotations.create({
        documentId,
        ...span(quote),
        labelId: 'key-position',
      })
      if (!result.ok) throw new Error(quote)
      return result.value.id
    }
    const kept = await make('Europol warns industry and governments')
    const moved = await make('Absolutism is not useful on either side.')
    const changed = await make(
      'MEPs are also against mass surveillance and the scanning of end-to-end encrypted communications.',
    )
    const orphaned = await make('Such demands sound familiar.')
    const revisedText = text
      .replace(
        'Absolutism is not useful on either side.',
        'A new sentence. Absolutism is not useful on either side.',
      )
      .replace('mass surveillance and the scanning', 'mass surveillance and scanning')
      .replace('Such demands sound familiar. ', '')
    const revised = await services.library.reviseText(
      documentId,
      utf8(revisedText.replace(/\n\n/g, '\n\n')),
      'europol-v2.txt',
    )
    expect(revised).toMatchObject({ ok: true, value: { isChanged: true } })

    const loaded = await services.annotations.load(documentId)
    if (!loaded.ok) throw new Error('loads')
    expect(loaded.value.report).toMatchObject({
      kept: [kept],
      moved: [moved],
      changed: [changed],
      orphaned: [orphaned],
    })
    const orphan = loaded.value.highlights.find((h) => h.id === orphaned)
    expect(orphan).toMatchObject({
      status: 'orphan',
      selectors: { quote: { exact: 'Such demands sound familiar.' } },
    })
    expect(loaded.value.highlights).toHaveLength(4)
  })

  it('re-attaches an orphan to a new passage and lets the reader dismiss the report', async () => {
    const { services, span, text } = await withArticle()
    const created = await services.annotations.create({
      documentId,
      ...span('Such demands sound familiar.'),
      labelId: 'question',
    })
    if (!created.ok) throw new Error('created')
    await services.library.reviseText(
      documentId,
      utf8(text.replace('Such demands sound familiar.', 'These demands are familiar.')),
      'v2.txt',
    )
    const loaded = await services.annotations.load(documentId)
    expect(loaded.ok && loaded.value.report?.orphaned).toEqual([created.value.id])

    const opened = await services.library.open(documentId)
    if (!opened.ok) throw new Error('opens')
    const newText = opened.value.content.text
    const start = newText.indexOf('These demands are familiar.')
    const reattached = await services.annotations.reattach({
      documentId,
      highlightId: created.value.id,
      start,
      end: start + 27,
    })
    expect(reattached).toMatchObject({
      ok: true,
      value: { status: 'anchored', selectors: { quote: { exact: 'These demands are familiar.' } } },
    })
    const afterReattach = await services.annotations.load(documentId)
    expect(afterReattach.ok && afterReattach.value.report?.orphaned).toEqual([])
    await services.annotations.dismissReport(documentId)
    const afterDismiss = await services.annotations.load(documentId)
    expect(afterDismiss.ok && afterDismiss.value.report).toBeUndefined()
  })

  it('does not rewrite the file on every load while an orphan waits', async () => {
    const { services, span, text, dataDir } = await withArticle()
    await services.annotations.create({
      documentId,
      ...span('Such demands sound familiar.'),
      labelId: 'question',
    })
    await services.library.reviseText(
      documentId,
      utf8(text.replace('Such demands sound familiar. ', '')),
      'v2.txt',
    )
    await services.annotations.load(documentId)
    const path = join(dataDir, 'documents', documentId, 'annotations.json')
    const before = await readFile(path, 'utf8')
    await services.annotations.load(documentId)
    expect(await readFile(path, 'utf8')).toBe(before)
  })

  it('keeps highlights across restarts', async () => {
    const { services, span, dataDir } = await withArticle()
    await services.annotations.create({ documentId, ...span('Europol'), labelId: 'definition' })
    const restarted = await servicesOn(dataDir)
    const loaded = await restarted.annotations.load(documentId)
    expect(loaded.ok && loaded.value.highlights.map((h) => h.selectors.quote.exact)).toEqual([
      'Europol',
    ])
  })

  describe('upsertMany', () => {
    async function stored(quote: string, note: string) {
      const context = await withArticle()
      const made = await context.services.annotations.create({
        documentId,
        ...context.span(quote),
        labelId: 'key-position',
      })
      if (!made.ok) throw new Error(made.error.message)
      const updated = await context.services.annotations.update(documentId, made.value.id, { note })
      if (!updated.ok) throw new Error(updated.error.message)
      return { ...context, highlight: updated.value }
    }
    const later = (iso: string, seconds: number) =>
      new Date(Date.parse(iso) + seconds * 1000).toISOString()

    it('replaces a highlight only with a copy modified later, and writes nothing when nothing changes', async () => {
      const { services, highlight, annotationsOnDisk } = await stored('Europol', 'mine')
      const older = { ...highlight, note: 'older', updatedAt: later(highlight.updatedAt, -60) }
      const same = { ...highlight }
      const newer = { ...highlight, note: 'newer', updatedAt: later(highlight.updatedAt, 60) }
      const before = await annotationsOnDisk()
      expect(await services.annotations.upsertMany(documentId, [older, same])).toEqual({
        ok: true,
        value: { created: 0, updated: 0, unchanged: 1, keptNewer: 1, addedAsNew: [] },
      })
      expect(await annotationsOnDisk()).toEqual(before)
      const undated = await services.annotations.upsertMany(documentId, [newer], {
        undatedIds: new Set([newer.id]),
      })
      expect(undated).toMatchObject({ ok: true, value: { keptNewer: 1 } })
      expect(await services.annotations.upsertMany(documentId, [newer])).toMatchObject({
        ok: true,
        value: { updated: 1 },
      })
      expect((await annotationsOnDisk()).highlights.map((h: { note: string }) => h.note)).toEqual([
        'newer',
      ])
    })

    it('adds a highlight of another passage under a known id beside it, once', async () => {
      const { services, highlight, text, span } = await stored('Europol', 'mine')
      const { start, end } = span('Such demands sound familiar.')
      const other = {
        ...highlight,
        note: 'theirs',
        updatedAt: later(highlight.updatedAt, 60),
        selectors: describePassage(text, start, end),
      }
      const first = await services.annotations.upsertMany(documentId, [other])
      expect(first).toMatchObject({ ok: true, value: { created: 1, updated: 0 } })
      const storedAs = first.ok ? first.value.addedAsNew[0]!.storedAs : ''
      expect(storedAs).toMatch(/^imported-[0-9a-f]{32}$/)
      const again = await services.annotations.upsertMany(documentId, [other])
      expect(again).toMatchObject({ ok: true, value: { created: 0, unchanged: 1, addedAsNew: [] } })
      const loaded = await services.annotations.load(documentId)
      const byId = new Map(loaded.ok ? loaded.value.highlights.map((h) => [h.id, h.note]) : [])
      expect(byId).toEqual(
        new Map([
          [highlight.id, 'mine'],
          [storedAs, 'theirs'],
        ]),
      )
    })

    it('refuses a highlight the store would not read back, and writes nothing', async () => {
      const { services, highlight, annotationsOnDisk, dataDir } = await stored('Europol', 'mine')
      const before = await annotationsOnDisk()
      for (const bad of [
        { ...highlight, id: 'new-1', tags: ['t'.repeat(41)] },
        { ...highlight, id: 'new-2', note: 'n'.repeat(100_001) },
        { ...highlight, id: 'new-3', createdAt: '+100000-01-01T00:00:00.000Z' },
      ]) {
        const result = await services.annotations.upsertMany(documentId, [bad])
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-passage' } })
      }
      expect(await annotationsOnDisk()).toEqual(before)
      const restarted = await servicesOn(dataDir)
      const loaded = await restarted.annotations.load(documentId)
      expect(loaded.ok && loaded.value.highlights.map((h) => h.note)).toEqual(['mine'])
    })
  })
})
