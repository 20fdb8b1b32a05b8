import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseEpub } from '../../../../../src/main/importing/epub/parse-epub'

const container = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`
const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Small Book</dc:title><dc:language>en</dc:language></metadata>
<manifest><item id="c2" href="Text/two.xhtml" media-type="application/xhtml+xml"/><item id="c1" href="Text/one.xhtml" media-type="application/xhtml+xml"/><item id="nav" href="nav.xhtml" properties="nav" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>`
const chapter = (title: string, body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title><script>globalThis.__pwned = 1</script></head><body><h1>${title}</h1>${body}</body></html>`

/** A real EPUB 3 zip made for the test: container, package document, two chapters. */
function makeBook(files: Record<string, string> = {}): Uint8Array {
  return zipSync({
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(container),
    'OEBPS/content.opf': strToU8(opf),
    'OEBPS/Text/one.xhtml': strToU8(
      chapter(
        'Chapter One',
        '<p>The first chapter begins by the river.</p><img src="../Images/heron.jpg" alt="A heron"/>',
      ),
    ),
    'OEBPS/Text/two.xhtml': strToU8(
      chapter(
        'Chapter Two',
        '<p onclick="globalThis.__pwned=1">The second chapter ends at the sea.</p>',
      ),
    ),
    ...Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])),
  })
}

describe('parseEpub', () => {
  it('reads the chapters in spine order, with their headings, and the book’s title and language', () => {
    const result = parseEpub(makeBook(), 'book.epub')
    if (!result.ok) throw new Error(result.error.message)
    const { content, title, language } = result.value
    expect(title).toBe('A Small Book')
    expect(language).toBe('en')
    expect(content.segments.map((s) => [s.kind, content.text.slice(s.start, s.end)])).toEqual([
      ['title', 'A Small Book'],
      ['heading', 'Chapter One'],
      ['paragraph', 'The first chapter begins by the river.'],
      ['figure-alt', 'A heron'],
      ['heading', 'Chapter Two'],
      ['paragraph', 'The second chapter ends at the sea.'],
    ])
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
  })

  it('refuses a damaged zip, naming the file', () => {
    expect(parseEpub(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), 'broken.epub')).toMatchObject({
      ok: false,
      error: {
        code: 'broken-epub',
        message: expect.stringContaining(
          '“broken.epub” is not a readable EPUB: its zip archive is damaged',
        ),
      },
    })
  })

  it('refuses a book without a package document', () => {
    const book = zipSync({
      mimetype: strToU8('application/epub+zip'),
      'META-INF/container.xml': strToU8(container),
    })
    expect(parseEpub(book, 'empty.epub')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('has no package document') },
    })
  })
})
