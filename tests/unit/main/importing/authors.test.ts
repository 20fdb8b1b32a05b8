import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../../../../src/main/importing/import-format'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Two Hands</dc:title><dc:creator>Ada Lovelace</dc:creator><dc:creator> Charles
  Babbage </dc:creator><dc:language>en</dc:language></metadata><manifest><item id="c1" href="one.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>`

function bookBy(): Uint8Array {
  return zipSync({
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(
      `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
    ),
    'content.opf': strToU8(opf),
    'one.xhtml': strToU8(
      `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>The engine weaves algebraic patterns.</p></body></html>`,
    ),
  })
}

const authorOf = (bytes: Uint8Array, fileName: string) => {
  const read = readDocument(bytes, fileName)
  if (!read.ok) throw new Error(read.error.message)
  return read.value.parsed.author
}

describe('the author a file names is kept', () => {
  const makeDir = tempDirs()

  it("keeps an EPUB's creators, in order", () => {
    expect(authorOf(bookBy(), 'two-hands.epub')).toBe('Ada Lovelace, Charles Babbage')
  })

  it("keeps a Markdown file's front-matter author", () => {
    const text = '---\ntitle: Field notes\nauthor: "Mary Anning"\n---\n\nFossils by the sea.\n'
    expect(authorOf(strToU8(text), 'notes.md')).toBe('Mary Anning')
  })

  it("keeps a web page's byline or author meta tag", () => {
    const page = `<html><head><title>Herons</title><meta name="author" content="Gilbert White"></head><body><article><h1>Herons</h1><p>${'The heron stands still in the shallows and waits for a fish. '.repeat(20)}</p></article></body></html>`
    expect(authorOf(strToU8(page), 'herons.html')).toBe('Gilbert White')
  })

  it('cuts an absurdly long author to what the library keeps, and the library reopens', async () => {
    const text = `---\nauthor: ${'A'.repeat(5000)}\n---\n\nShort text.\n`
    expect(authorOf(strToU8(text), 'long.md')?.length).toBeLessThanOrEqual(200)
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const imported = await services.library.importFile(bookBy(), { fileName: 'two-hands.epub' })
    if (!imported.ok) throw new Error(imported.error.message)
    const long = await services.library.importFile(strToU8(text), { fileName: 'long.md' })
    expect(long.ok).toBe(true)
    await services.store.close()
    const reopened = await servicesOn(dataDir)
    const authors = reopened.library.list().map((doc) => doc.author)
    expect(authors).toContain('Ada Lovelace, Charles Babbage')
    expect(reopened.store.notices).toEqual([])
  })
})
