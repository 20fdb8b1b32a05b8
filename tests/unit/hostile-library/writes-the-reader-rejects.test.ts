import { describe, expect, it } from 'vitest'
import { importAnkiTextFile } from '../../../src/main/interchange/import-anki-cards'
import { importWebAnnotationFile } from '../../../src/main/interchange/import-annotations'
import type { Services } from '../../../src/main/services/create-services'
import { articleId } from '../../support/annotated-library'
import { makeShapedEpub } from '../../support/epub-fixture'
import { generateProse, seededRandom } from '../../support/generated-text'
import { useLibraryChild } from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import { makeAnnotationCollection, type AnnotationSpec } from '../../support/web-annotation-model'
import {
  acknowledged,
  caseTimeout,
  expectNextStartKeeps,
  expectSentence,
  highlightWithNotes,
  importBytes,
} from './expect-kept'

// Issue 14, §1: an import or edit is acknowledged, then its stored value fails the file's own
// schema at the next open, and the whole file is rolled back. Each case: earlier work of the
// session, then the odd input (kept, clamped with a note, or refused with a sentence), then a
// fresh process must find everything acknowledged, and check must trash nothing.

/** A session's earlier work: a text imported and two of its passages noted. */
async function earlierWork(services: Services) {
  const prose = generateProse(seededRandom(14), 3_000)
  const imported = await importBytes(services, 'earlier.txt', `Earlier Work\n\n${prose}\n`)
  if (!imported.ok) throw new Error(imported.error.message)
  await highlightWithNotes(services, imported.value.document.id, 2)
  return imported.value.document.id
}

/** The next start keeps the session, whatever became of the odd input. */
async function expectSessionKept(services: Services, dataDir: string) {
  const ack = await acknowledged(services, dataDir)
  await services.store.close()
  await expectNextStartKeeps(dataDir, ack)
}

/** `count` distinct passages of the bundled article as W3C quotes with context. */
async function articleQuotes(services: Services, count: number): Promise<AnnotationSpec[]> {
  const opened = await services.library.open(articleId)
  if (!opened.ok) throw new Error(opened.error.message)
  const text = opened.value.content.text
  return Array.from({ length: count }, (_, index) => {
    const start = 200 + index * 157
    return {
      source: `lectern://open/${articleId}`,
      exact: text.slice(start, start + 18),
      prefix: text.slice(start - 24, start),
      suffix: text.slice(start + 18, start + 42),
      note: `Imported note ${index + 1}`,
    }
  })
}

function importW3c(services: Services, json: string) {
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

async function importOddW3c(dataDir: string, odd: (quote: AnnotationSpec) => AnnotationSpec) {
  const services = await servicesOn(dataDir)
  await earlierWork(services)
  const [plain, hostile] = await articleQuotes(services, 2)
  const result = await importW3c(services, makeAnnotationCollection([plain!, odd(hostile!)]))
  if (!result.ok) expectSentence(result.error.message, 'the refused import')
  await expectSessionKept(services, dataDir)
}

describe('writes the reader would reject at the next start', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-hostile-')

  it(
    'keeps a web page whose <html lang> is one letter, and three highlights with notes on it',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      await earlierWork(services)
      const prose = generateProse(seededRandom(1), 4_000)
      const page = `<!doctype html><html lang="x"><head><title>One Letter</title></head><body><article><h1>One Letter</h1><p>${prose.replace(/\n\n/g, '</p><p>')}</p></article></body></html>`
      const imported = await importBytes(services, 'one-letter.html', page)
      if (imported.ok) await highlightWithNotes(services, imported.value.document.id, 3)
      else expectSentence(imported.error.message)
      await expectSessionKept(services, dataDir)
    },
    caseTimeout,
  )

  it(
    'keeps an EPUB with a 6,000-entry table of contents',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      await earlierWork(services)
      const random = seededRandom(2)
      const chapters = Array.from({ length: 3 }, () => `<p>${generateProse(random, 1_500)}</p>`)
      const epub = makeShapedEpub({
        title: 'Many Entries',
        chapters,
        tocLabels: Array.from({ length: 6_000 }, (_, i) => `Section ${i + 1}`),
      })
      const imported = await importBytes(services, 'many-entries.epub', epub)
      if (imported.ok) await highlightWithNotes(services, imported.value.document.id, 3)
      else expectSentence(imported.error.message)
      await expectSessionKept(services, dataDir)
    },
    caseTimeout,
  )

  it(
    'keeps an EPUB whose table of contents has a label over 500 characters',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      await earlierWork(services)
      const random = seededRandom(3)
      const chapters = Array.from({ length: 2 }, () => `<p>${generateProse(random, 1_500)}</p>`)
      const epub = makeShapedEpub({
        title: 'A Long Label',
        chapters,
        tocLabels: ['Short', 'L'.repeat(501)],
      })
      const imported = await importBytes(services, 'long-label.epub', epub)
      if (imported.ok) await highlightWithNotes(services, imported.value.document.id, 3)
      else expectSentence(imported.error.message)
      await expectSessionKept(services, dataDir)
    },
    caseTimeout,
  )

  it(
    'keeps the library when a W3C import brings a 41-character tag',
    async () => {
      await importOddW3c(await makeDir(), (quote) => ({ ...quote, tags: ['t'.repeat(41)] }))
    },
    caseTimeout,
  )

  it(
    'keeps the library when a W3C import brings 51 tags',
    async () => {
      await importOddW3c(await makeDir(), (quote) => ({
        ...quote,
        tags: Array.from({ length: 51 }, (_, i) => `tag-${i}`),
      }))
    },
    caseTimeout,
  )

  it(
    'keeps the library when a W3C import brings a 100,001-character note',
    async () => {
      await importOddW3c(await makeDir(), (quote) => ({ ...quote, note: 'n'.repeat(100_001) }))
    },
    caseTimeout,
  )

  it(
    'keeps the library when a W3C import says it was created in the year +100000',
    async () => {
      await importOddW3c(await makeDir(), (quote) => ({
        ...quote,
        created: '+100000-01-01T00:00:00Z',
        modified: '+100000-01-01T00:00:00Z',
      }))
    },
    caseTimeout,
  )

  it(
    'keeps the cards when an Anki text import brings a 20,001-character field',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      await earlierWork(services)
      const made = await services.cards.create(articleId, null, {
        kind: 'basic',
        front: 'Who warns?',
        back: 'Europol',
        isReversible: false,
      })
      expect(made.ok).toBe(true)
      const text = `#separator:tab\n#html:false\nA short question\tA short answer\nA long question\t${'a'.repeat(20_001)}\n`
      const result = await importAnkiTextFile(services.cards, articleId, text)
      if (!result.ok) expectSentence(result.error.message)
      await expectSessionKept(services, dataDir)
    },
    caseTimeout,
  )
})
