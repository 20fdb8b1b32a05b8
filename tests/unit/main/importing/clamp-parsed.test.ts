import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { clampParsed, importLimits } from '../../../../src/main/importing/clamp-parsed'
import { readDocument } from '../../../../src/main/importing/import-format'
import type { ParsedText } from '../../../../src/main/importing/plain-text/parse-plain-text'
import { sourceOfPage } from '../../../../src/main/services/library-service'
import { contentFileSchema, documentMetaSchema } from '../../../../src/main/store/schema'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const utf8 = (text: string) => new TextEncoder().encode(text)
const body =
  'The grey heron waits by the river for the fish that come with the tide. It is the patience of the bird that the reader will remember.'

/** A book whose navigation lists the given labels, all pointing at its one chapter. */
function bookWithToc(labels: readonly string[], metadata = '<dc:title>A Book</dc:title>') {
  const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${metadata}</metadata><manifest><item id="c0" href="c0.xhtml" media-type="application/xhtml+xml"/><item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c0"/></spine></package>`
  const nav = `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>${labels.map((label) => `<li><a href="c0.xhtml">${label}</a></li>`).join('')}</ol></nav></body></html>`
  return zipSync({
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(
      `<?xml version="1.0"?><container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>`,
    ),
    'OEBPS/content.opf': strToU8(opf),
    'OEBPS/nav.xhtml': strToU8(nav),
    'OEBPS/c0.xhtml': strToU8(
      `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>${body}</p></body></html>`,
    ),
  })
}

const page = (head: string, htmlAttributes = '', content = `<p>${body}</p>`) =>
  utf8(
    `<html ${htmlAttributes}><head>${head}</head><body><article>${content}</article></body></html>`,
  )

/** Files built to produce values the library's schema refuses, as each importer reads them. */
const hostileFiles: [string, Uint8Array][] = [
  ['lang-x.html', page('<title>Herons</title>', 'lang="x"')],
  ['lang-long.html', page('<title>Herons</title>', `lang="${'e'.repeat(200)}"`)],
  ['lang-underscore.html', page('<title>Herons</title>', 'lang="en_US"')],
  ['lang-garbage.html', page('<title>Herons</title>', 'lang="<>&amp;!!"')],
  ['.html', page('<title>   </title>')],
  ['long-title.html', page(`<title>${'Heron '.repeat(5000)}</title>`)],
  [
    'bad-source.html',
    page(
      '<title>Herons</title><meta property="og:site_name" content=" "><link rel="canonical" href="http://">',
    ),
  ],
  ['empty-heading.md', utf8(`# \n\n${body}\n`)],
  ['long-front-matter.md', utf8(`---\ntitle: ${'Heron '.repeat(5000)}\n---\n\n${body}\n`)],
  ['.txt', utf8(`${body}\n\n(${'ab'})\n`)],
  ['huge-toc.epub', bookWithToc(Array.from({ length: 6000 }, (_, i) => `Part ${i + 1}`))],
  ['long-label.epub', bookWithToc([`${'A long label '.repeat(100)}end`])],
  ['no-title.epub', bookWithToc(['One'], '<dc:title> </dc:title><dc:language>x</dc:language>')],
]

/** The library entry an import makes of a read document, as the library service builds it. */
function metaOf(fileName: string, read: ReturnType<typeof readDocument>) {
  if (!read.ok) throw new Error(read.error.message)
  const { parsed, format } = read.value
  const source = sourceOfPage(parsed)
  return {
    id: 'doc-1',
    title: parsed.title,
    ...(parsed.lead ? { lead: parsed.lead } : {}),
    language: parsed.language,
    ...(source ? { source } : {}),
    ...(parsed.translation ? { translation: parsed.translation } : {}),
    ...(parsed.authorTag ? { authorTag: parsed.authorTag } : {}),
    ...(parsed.toc ? { toc: parsed.toc } : {}),
    fileName,
    format,
    importedAt: '2026-11-28T09:00:00.000Z',
    revision: { id: 'rev-1', hash: 'a'.repeat(64), createdAt: '2026-11-28T09:00:00.000Z' },
    wordCount: parsed.wordCount,
  }
}

describe('what an import describes fits the library file', () => {
  it.each(hostileFiles)('“%s” gives a document the schema accepts', (fileName, bytes) => {
    const read = readDocument(bytes, fileName)
    const checked = documentMetaSchema.safeParse(metaOf(fileName, read))
    expect(checked.success ? [] : checked.error.issues).toEqual([])
    if (!read.ok) return
    const content = contentFileSchema.safeParse({
      schemaVersion: 3,
      documentId: 'doc-1',
      revision: { id: 'rev-1', hash: 'a'.repeat(64), createdAt: '2026-11-28T09:00:00.000Z' },
      ...read.value.parsed.content,
    })
    expect(content.success ? [] : content.error.issues).toEqual([])
  })

  it('takes an invalid declared language for the guessed one, and a locale for its language', () => {
    const language = (fileName: string) => {
      const read = readDocument(hostileFiles.find(([name]) => name === fileName)![1], fileName)
      return read.ok && read.value.parsed.language
    }
    expect(language('lang-x.html')).toBe('en')
    expect(language('lang-long.html')).toBe('en')
    expect(language('lang-garbage.html')).toBe('en')
    expect(language('lang-underscore.html')).toBe('en')
  })

  it('cuts a long table of contents with a last entry that says how much is left out', () => {
    const read = readDocument(hostileFiles.find(([name]) => name === 'huge-toc.epub')![1], 'b.epub')
    const toc = read.ok ? read.value.parsed.toc! : []
    expect(toc).toHaveLength(importLimits.tocEntries)
    expect(toc[4998]?.label).toBe('Part 4999')
    expect(toc[4999]?.label).toBe('… and 1,001 more')
  })

  it('cuts a long label at a word, with "…"', () => {
    const read = readDocument(hostileFiles.find(([n]) => n === 'long-label.epub')![1], 'b.epub')
    const label = read.ok ? read.value.parsed.toc![0]!.label : ''
    expect(label.length).toBeLessThanOrEqual(importLimits.tocLabelLength)
    const original = `${'A long label '.repeat(100)}end`
    expect(label).toMatch(/\S…$/)
    // Cut between words: the original goes on with a space where the label stops.
    expect(original.startsWith(label.slice(0, -1))).toBe(true)
    expect(original[label.length - 1]).toBe(' ')
  })

  it('always gives a title: the file name, or else "Untitled"', () => {
    const titleOf = (fileName: string) => {
      const read = readDocument(hostileFiles.find(([name]) => name === fileName)![1], fileName)
      return read.ok && read.value.parsed.title
    }
    expect(titleOf('.html')).toBe('Untitled')
    expect(titleOf('empty-heading.md')).toBe('Empty heading')
    expect(titleOf('no-title.epub')).toBe('No title')
  })

  it('keeps a value that fits as it is', () => {
    const parsed: ParsedText = {
      title: 'Herons',
      lead: 'A lead.',
      language: 'en',
      authorTag: 'dmk',
      translation: { fromLanguage: 'de', isMachineTranslation: true },
      content: { text: 'Herons', segments: [{ kind: 'title', start: 0, end: 6, lang: 'en' }] },
      wordCount: 1,
      toc: [{ label: 'Herons', segmentIndex: 0 }],
    }
    expect(clampParsed(parsed, 'herons.txt')).toEqual(parsed)
  })

  it('drops what cannot be made to fit: a bad segment language, a bad translation source', () => {
    const clamped = clampParsed(
      {
        title: 'Herons',
        language: 'en',
        translation: { fromLanguage: 'x', isMachineTranslation: false },
        content: { text: 'Herons', segments: [{ kind: 'title', start: 0, end: 6, lang: 'x' }] },
        wordCount: 1,
      },
      'herons.txt',
    )
    expect(clamped.translation).toBeUndefined()
    expect(clamped.content.segments[0]).toEqual({ kind: 'title', start: 0, end: 6 })
  })

  // The case of the report: `<html lang="x">` was acknowledged, then refused with its whole file.
  it('an imported page with lang="x" is still in the library when it is opened again', async () => {
    const dataDir = await tempDirs()()
    const first = await servicesOn(dataDir)
    const imported = await first.library.importFile(hostileFiles[0]![1], {
      fileName: 'lang-x.html',
    })
    expect(imported.ok).toBe(true)
    const again = await servicesOn(dataDir)
    expect(again.library.list().map((doc) => [doc.fileName, doc.language])).toContainEqual([
      'lang-x.html',
      'en',
    ])
  })
})

describe('the import door keeps a document’s shape within the schema', () => {
  const text = 'Heading\n\nA link, a script and words.\n\nCell'
  const hostileShape = {
    title: 'Shape',
    language: 'en',
    wordCount: 7,
    content: {
      text,
      segments: [
        { kind: 'heading', start: 0, end: 7, level: 9, onclick: 'steal()' },
        { kind: 'list-item', start: 9, end: 35, ordinal: 1e12, depth: 10_000 },
        {
          kind: 'table-cell',
          start: 37,
          end: 41,
          cell: { table: 0, row: 2, column: 5_000, isHeader: false, onclick: 'steal()' },
          footnote: '<script>',
        },
        { kind: 'script', start: 0, end: 7 },
        { kind: 'paragraph', start: 30, end: 400 },
      ],
      marks: [
        { kind: 'link', start: 9, end: 15, href: 'https://example.org/a' },
        { kind: 'link', start: 17, end: 25, href: 'javascript:alert(1)' },
        { kind: 'link', start: 17, end: 25, href: 'data:text/html,x' },
        { kind: 'link', start: 17, end: 25, href: 'http://example.org' },
        { kind: 'link', start: 17, end: 25 },
        { kind: 'strong', start: 30, end: 35, href: 'https://example.org', onclick: 'x' },
        { kind: 'emphasis', start: 30, end: 4_000 },
        { kind: 'emphasis', start: 5, end: 5 },
        { kind: 'script', start: 0, end: 3 },
        { kind: 'footnote-ref', start: 0, end: 1, footnote: 'a b' },
      ],
    },
  } as unknown as ParsedText

  const clamped = clampParsed(hostileShape, 'shape.md').content

  it('keeps the text, and marks only within it, of Lectern’s kinds, links only https/mailto', () => {
    expect(clamped.text).toBe(text)
    expect(clamped.marks).toEqual([
      { kind: 'footnote-ref', start: 0, end: 1 },
      { kind: 'link', start: 9, end: 15, href: 'https://example.org/a' },
      { kind: 'strong', start: 30, end: 35 },
    ])
  })

  it('clamps heading levels, list numbers, nesting and columns; drops fields it does not know', () => {
    expect(clamped.segments).toEqual([
      { kind: 'heading', start: 0, end: 7, level: 6 },
      { kind: 'list-item', start: 9, end: 35, ordinal: 1_000_000_000, depth: 32 },
      {
        kind: 'table-cell',
        start: 37,
        end: 41,
        cell: { table: 0, row: 2, column: 1000, isHeader: false },
      },
      { kind: 'paragraph', start: 0, end: 7 },
    ])
    const content = contentFileSchema.safeParse({
      schemaVersion: 3,
      documentId: 'doc-1',
      revision: { id: 'rev-1', hash: 'a'.repeat(64), createdAt: '2026-11-28T09:00:00.000Z' },
      ...clamped,
    })
    expect(content.success ? [] : content.error.issues).toEqual([])
  })
})
