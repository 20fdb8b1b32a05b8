import { strFromU8, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { importWebAnnotationFile } from '../../../../src/main/interchange/import-annotations'
import type { Services } from '../../../../src/main/services/create-services'
import { annotateArticle, articleId } from '../../../support/annotated-library'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'
import { annotationCollectionModel } from '../../../support/web-annotation-model'

async function exportW3c(services: Services, documentId?: string) {
  const files = await services.exports.export('w3c', documentId)
  if (!files.ok) throw new Error(files.error.message)
  return strFromU8(files.value[0]!.bytes)
}

function importInto(services: Services, json: string) {
  return importWebAnnotationFile(
    {
      library: services.library,
      annotations: services.annotations,
      labels: () => services.settings.get().highlightLabels,
      now: services.now,
    },
    json,
  )
}

async function highlightsOf(services: Services) {
  const loaded = await services.annotations.load(articleId)
  if (!loaded.ok) throw new Error(loaded.error.message)
  return [...loaded.value.highlights].sort((a, b) => a.id.localeCompare(b.id))
}

describe('W3C Web Annotations', () => {
  const makeDir = tempDirs()

  it('exports a collection that follows the W3C model', async () => {
    const services = await servicesOn(await makeDir())
    const { highlights } = await annotateArticle(services)
    const json = JSON.parse(await exportW3c(services, articleId))
    expect(() => annotationCollectionModel.parse(json)).not.toThrow()
    expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(json.total).toBe(3)
    const first = json.first.items.find((a: { id: string }) => a.id.endsWith(highlights[0]!.id))
    expect(first).toMatchObject({
      motivation: 'commenting',
      body: [
        { type: 'TextualBody', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'police', purpose: 'tagging' },
        { type: 'TextualBody', value: 'eu agencies', purpose: 'tagging' },
        { type: 'TextualBody', value: 'Key position', purpose: 'classifying' },
      ],
      target: {
        source: `lectern://open/${articleId}`,
        selector: [
          { type: 'TextQuoteSelector', exact: 'Europol' },
          { type: 'TextPositionSelector' },
        ],
      },
    })
    const bare = json.first.items.find((a: { id: string }) => a.id.endsWith(highlights[2]!.id))
    expect(bare.motivation).toBe('highlighting')
  })

  it('gives positions in code points, not UTF-16 units', async () => {
    const services = await servicesOn(await makeDir())
    const imported = await services.library.importFile(
      strToU8('Emoji 😀😀 first, then the words that matter here.'),
      {
        fileName: 'emoji.txt',
      },
    )
    if (!imported.ok) throw new Error(imported.error.message)
    const id = imported.value.document.id
    const opened = await services.library.open(id)
    const text = opened.ok ? opened.value.content.text : ''
    const start = text.indexOf('the words')
    await services.annotations.create({
      documentId: id,
      start,
      end: start + 9,
      labelId: 'evidence',
    })
    const json = JSON.parse(await exportW3c(services, id))
    const position = json.first.items[0].target.selector[1]
    expect(position).toEqual({
      type: 'TextPositionSelector',
      start: [...text.slice(0, start)].length,
      end: [...text.slice(0, start)].length + 9,
    })
    expect(position.start).toBe(start - 2)
  })

  it('round-trips: export, a library with the same document, import — same highlights and notes', async () => {
    const source = await servicesOn(await makeDir())
    await annotateArticle(source)
    const json = await exportW3c(source)
    const target = await servicesOn(await makeDir())
    const report = await importInto(target, json)
    expect(report).toMatchObject({ ok: true, value: { created: 3, updated: 0, unmatched: 0 } })
    const strip = (h: Awaited<ReturnType<typeof highlightsOf>>[number]) => ({
      id: h.id,
      labelId: h.labelId,
      note: h.note,
      tags: h.tags,
      selectors: h.selectors,
      status: h.status,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    })
    expect((await highlightsOf(target)).map(strip)).toEqual((await highlightsOf(source)).map(strip))
    // Importing again changes nothing and duplicates nothing.
    const again = await importInto(target, json)
    expect(again).toMatchObject({ ok: true, value: { created: 0, updated: 0, unchanged: 3 } })
    expect(await highlightsOf(target)).toHaveLength(3)
  })

  it('finds the document by anchoring when the ids differ, and counts passages it cannot find', async () => {
    const services = await servicesOn(await makeDir())
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://example.org/anno/1',
          type: 'Annotation',
          bodyValue: 'From another tool',
          target: {
            source: 'https://www.heise.de/news/some-article.html',
            selector: { type: 'TextQuoteSelector', exact: 'end-to-end encryption' },
          },
        },
        {
          id: 'https://example.org/anno/2',
          type: 'Annotation',
          target: {
            source: 'https://www.heise.de/news/some-article.html',
            selector: {
              type: 'TextQuoteSelector',
              exact: 'a sentence this article never had in it',
            },
          },
        },
        {
          id: 'https://example.org/anno/3',
          type: 'Annotation',
          target: 'https://example.org/image.png',
        },
      ],
    }
    const report = await importInto(services, JSON.stringify(foreign))
    expect(report).toMatchObject({
      ok: true,
      value: { created: 1, unmatched: 1, skipped: 1, documents: [{ id: articleId, count: 1 }] },
    })
    const [highlight] = await highlightsOf(services)
    expect(highlight).toMatchObject({ note: 'From another tool', status: 'anchored' })
  })

  it('refuses a file that is not Web Annotations, and changes nothing', async () => {
    const services = await servicesOn(await makeDir())
    for (const bad of [
      'not json',
      '{"type":"Something"}',
      '42',
      '{"type":"AnnotationCollection","first":"https://remote/page1"}',
    ]) {
      const result = await importInto(services, bad)
      expect(result.ok, bad).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('invalid-file')
    }
    expect(await highlightsOf(services)).toEqual([])
  })
})
