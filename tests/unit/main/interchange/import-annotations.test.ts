import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  importWebAnnotationFile,
  type ImportAnnotationsDeps,
} from '../../../../src/main/interchange/import-annotations'
import type { Services } from '../../../../src/main/services/create-services'
import { annotationsFileSchema } from '../../../../src/main/store/schema'
import { articleId, highlightQuote } from '../../../support/annotated-library'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

function importInto(
  services: Services,
  json: string,
  extra: Partial<Pick<ImportAnnotationsDeps, 'clock' | 'timeBudgetMs'>> = {},
) {
  return importWebAnnotationFile(
    {
      library: services.library,
      annotations: services.annotations,
      labels: () => services.settings.get().highlightLabels,
      now: services.now,
      ...extra,
    },
    json,
  )
}

async function exportW3c(services: Services) {
  const files = await services.exports.export('w3c', articleId)
  if (!files.ok) throw new Error(files.error.message)
  return strFromU8(files.value[0]!.bytes)
}

async function highlightsOf(services: Services) {
  const loaded = await services.annotations.load(articleId)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return loaded.value.highlights
}

/** An annotation on the bundled article as another tool would write it. */
function foreignAnnotation(
  exact: string,
  extra: { id?: string; note?: string; tags?: string[]; created?: string; modified?: string } = {},
) {
  return {
    ...(extra.id ? { id: extra.id } : {}),
    type: 'Annotation',
    ...(extra.created ? { created: extra.created } : {}),
    ...(extra.modified ? { modified: extra.modified } : {}),
    body: [
      ...(extra.note !== undefined ? [{ type: 'TextualBody', value: extra.note }] : []),
      ...(extra.tags ?? []).map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
    ],
    target: {
      source: `lectern://open/${articleId}`,
      selector: { type: 'TextQuoteSelector', exact },
    },
  }
}

const page = (items: unknown[]) => JSON.stringify({ type: 'AnnotationPage', items })

/** What a fresh start reads from disk: the annotations file, checked by the store's own schema. */
async function reopened(dataDir: string) {
  const raw = JSON.parse(
    await readFile(join(dataDir, 'documents', articleId, 'annotations.json'), 'utf8'),
  )
  expect(annotationsFileSchema.safeParse(raw).success).toBe(true)
  return highlightsOf(await servicesOn(dataDir, '2026-11-29T09:00:00.000Z'))
}

describe('importing W3C Web Annotations', () => {
  const makeDir = tempDirs()

  it('stores nothing the next start would refuse: long tags cut, 50 tags kept, impossible dates replaced, a long note refused', async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const mine = await highlightQuote(services, 'Europol', { note: 'mine, made before' })
    const manyTags = Array.from({ length: 63 }, (_, index) => `tag ${index}`)
    const json = page([
      foreignAnnotation('end-to-end encryption', {
        note: 'long tag',
        tags: ['x'.repeat(60), 'short'],
      }),
      foreignAnnotation('governments', { note: 'many tags', tags: manyTags }),
      foreignAnnotation('Such demands sound familiar.', {
        note: 'far future',
        created: '+100000-01-01T00:00:00.000Z',
        modified: '+100000-01-01T00:00:00.000Z',
      }),
      foreignAnnotation('industry', { note: 'n'.repeat(120_000) }),
    ])
    const report = await importInto(services, json)
    expect(report.ok).toBe(true)
    if (!report.ok) return
    expect(report.value).toMatchObject({ created: 3, unmatched: 0 })
    expect(report.value.refused).toEqual([
      {
        annotation: '“industry”',
        message:
          'Not imported: its note of 120,000 characters is longer than Lectern keeps (100,000).',
      },
    ])
    const messages = report.value.adjusted.map((note) => `${note.annotation} ${note.message}`)
    expect(messages).toContainEqual(
      `“end-to-end encryption” Imported, but its tag “${'x'.repeat(40)}…” was cut to 40 characters (Lectern keeps tags that short).`,
    )
    expect(messages).toContainEqual(
      '“governments” Imported, but it has 63 tags; the first 50 were kept (Lectern keeps 50 per highlight).',
    )
    expect(messages.filter((m) => m.includes('+100000'))).toHaveLength(2)

    const after = await reopened(dataDir)
    expect(after.map((h) => h.note).sort()).toEqual(
      ['far future', 'long tag', 'many tags', mine.note].sort(),
    )
    const byNote = (note: string) => after.find((h) => h.note === note)!
    expect(byNote('long tag').tags).toEqual(['x'.repeat(40), 'short'])
    expect(byNote('many tags').tags).toEqual(manyTags.slice(0, 50))
    expect(byNote('far future').createdAt).toMatch(/^2026-/)
  })

  it('never lets an older export revert newer notes, takes a newer one, and changes nothing on the same one', async () => {
    const source = await servicesOn(await makeDir())
    const made = await highlightQuote(source, 'Europol', { note: 'first thoughts' })
    const older = await exportW3c(source)
    await source.annotations.update(articleId, made.id, { note: 'second thoughts' })
    const newer = await exportW3c(source)

    const dataDir = await makeDir()
    const target = await servicesOn(dataDir, '2026-11-28T10:00:00.000Z')
    expect(await importInto(target, newer)).toMatchObject({
      ok: true,
      value: { created: 1, updated: 0 },
    })
    expect(await importInto(target, older)).toMatchObject({
      ok: true,
      value: { created: 0, updated: 0, unchanged: 0, keptNewer: 1 },
    })
    expect((await highlightsOf(target)).map((h) => h.note)).toEqual(['second thoughts'])

    // The same export again changes nothing, and writes nothing.
    const path = join(dataDir, 'documents', articleId, 'annotations.json')
    const before = await readFile(path, 'utf8')
    expect(await importInto(target, newer)).toMatchObject({
      ok: true,
      value: { created: 0, updated: 0, unchanged: 1, keptNewer: 0 },
    })
    expect(await readFile(path, 'utf8')).toBe(before)

    // An older library takes the newer export.
    const behind = await servicesOn(await makeDir(), '2026-11-28T10:00:00.000Z')
    await importInto(behind, older)
    expect(await importInto(behind, newer)).toMatchObject({ ok: true, value: { updated: 1 } })
    expect((await highlightsOf(behind)).map((h) => h.note)).toEqual(['second thoughts'])
  })

  it('does not let an annotation without a date replace a highlight', async () => {
    const services = await servicesOn(await makeDir())
    const made = await highlightQuote(services, 'Europol', { note: 'my note' })
    const json = page([
      foreignAnnotation('Europol', { id: `urn:lectern:highlight:${made.id}`, note: 'undated' }),
    ])
    expect(await importInto(services, json)).toMatchObject({
      ok: true,
      value: { created: 0, updated: 0, keptNewer: 1 },
    })
    expect((await highlightsOf(services)).map((h) => h.note)).toEqual(['my note'])
  })

  it('adds a foreign annotation that names a Lectern highlight of another passage as a new highlight', async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const made = await highlightQuote(services, 'end-to-end encryption', { note: 'mine' })
    const json = page([
      foreignAnnotation('Such demands sound familiar.', {
        id: `urn:lectern:highlight:${made.id}`,
        note: 'theirs',
        modified: '2026-11-28T09:30:00.000Z',
      }),
    ])
    const report = await importInto(services, json)
    expect(report).toMatchObject({ ok: true, value: { created: 1, updated: 0 } })
    if (report.ok)
      expect(report.value.adjusted).toEqual([
        {
          annotation: '“Such demands sound familiar.”',
          message:
            'Imported as a new highlight: its id names one of your highlights, but of another passage, which was left as it is.',
        },
      ])
    const after = await reopened(dataDir)
    expect(after.find((h) => h.id === made.id)).toMatchObject({
      note: 'mine',
      selectors: { quote: { exact: 'end-to-end encryption' } },
    })
    expect(after.find((h) => h.id !== made.id)).toMatchObject({
      note: 'theirs',
      selectors: { quote: { exact: 'Such demands sound familiar.' } },
    })
    // Importing it again finds the one it added: no duplicate.
    expect(await importInto(services, json)).toMatchObject({
      ok: true,
      value: { created: 0, unchanged: 1 },
    })
    expect(await highlightsOf(services)).toHaveLength(2)
  })

  it('stops looking at its time budget, says how many it did not look for, and finds them on a second import', async () => {
    const services = await servicesOn(await makeDir())
    const quotes = [
      'Europol',
      'end-to-end encryption',
      'governments',
      'Such demands sound familiar.',
      'industry',
    ]
    const json = page(quotes.map((quote) => foreignAnnotation(quote, { note: quote })))
    // A clock that moves one second each time it is read, against a budget of four seconds.
    let time = 0
    const clock = () => time++ * 1000
    const first = await importInto(services, json, { clock, timeBudgetMs: 4000 })
    expect(first).toMatchObject({
      ok: true,
      value: { created: 2, unmatched: 0, notSearched: 3 },
    })
    const second = await importInto(services, json)
    expect(second).toMatchObject({
      ok: true,
      value: { created: 3, unchanged: 2, notSearched: 0 },
    })
  })
})
