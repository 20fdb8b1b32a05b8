import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseEpub } from '../../../../../src/main/importing/epub/parse-epub'

const container = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`

/** A small EPUB 3: one chapter file per body, the spine as given (indexes into the bodies). */
function makeBook(options: {
  bodies: readonly string[]
  spine?: readonly number[]
  language?: string
  xmlChapters?: boolean
}): Uint8Array {
  const spine = options.spine ?? options.bodies.map((_, index) => index)
  const manifest = options.bodies
    .map((_, i) => `<item id="c${i}" href="Text/c${i}.xhtml" media-type="application/xhtml+xml"/>`)
    .join('')
  const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Bounded Book</dc:title><dc:language>${options.language ?? 'en'}</dc:language></metadata><manifest>${manifest}</manifest><spine>${spine.map((i) => `<itemref idref="c${i}"/>`).join('')}</spine></package>`
  const files: Record<string, Uint8Array> = {
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8(container),
    'OEBPS/content.opf': strToU8(opf),
  }
  options.bodies.forEach((body, i) => {
    const prolog = options.xmlChapters === false ? '' : '<?xml version="1.0" encoding="utf-8"?>'
    files[`OEBPS/Text/c${i}.xhtml`] = strToU8(
      `${prolog}<html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html>`,
    )
  })
  return zipSync(files)
}

const paragraph = '<p>The grey heron waits by the river for the fish that come with the tide.</p>'

describe('parseEpub within bounds', () => {
  // Before: a 1 KB book listing one chapter 4,000 times gave 40 MB of text and 3.4 GB of memory.
  it('reads a chapter the spine lists many times once', () => {
    const book = makeBook({ bodies: [paragraph.repeat(10)], spine: Array(4000).fill(0) })
    const result = parseEpub(book, 'repeat.epub')
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.content.segments).toHaveLength(11)
  })

  it('keeps each chapter in its first place when the spine repeats chapters', () => {
    const result = parseEpub(
      makeBook({ bodies: ['<p>One.</p>', '<p>Two.</p>'], spine: [0, 1, 0, 1, 1] }),
      'twice.epub',
    )
    expect(result.ok && result.value.content.text).toBe('A Bounded Book\n\nOne.\n\nTwo.')
  })

  it('refuses a book whose text passes the limit, with a sentence', () => {
    const book = makeBook({ bodies: [paragraph.repeat(20), paragraph.repeat(20)] })
    expect(parseEpub(book, 'long.epub', 2000)).toMatchObject({
      ok: false,
      error: {
        code: 'too-large',
        message: expect.stringMatching(/^“long\.epub” holds more than .* of text; Lectern imports/),
      },
    })
    expect(parseEpub(book, 'long.epub', 4000).ok).toBe(true)
  })

  it('refuses an archive that declares more than it may unpack, before inflating it', () => {
    const book = makeBook({ bodies: [paragraph] })
    // The central directory's "uncompressed size" of the chapter, set to 300 MB.
    const view = new DataView(book.buffer, book.byteOffset, book.byteLength)
    let patched = 0
    for (let at = 0; at + 46 < book.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue
      const nameLength = view.getUint16(at + 28, true)
      const name = new TextDecoder().decode(book.subarray(at + 46, at + 46 + nameLength))
      if (name.endsWith('c0.xhtml')) {
        view.setUint32(at + 24, 300 * 1024 * 1024, true)
        patched++
      }
    }
    expect(patched).toBe(1)
    expect(parseEpub(book, 'bomb.epub')).toEqual({
      ok: false,
      error: {
        code: 'too-large',
        message:
          '“bomb.epub” would unpack to more than 200 MB; Lectern unpacks books of up to that size.',
      },
    })
  })

  it.each([true, false])(
    'reads a chapter nested 10,000 levels deep (XML prolog: %s), keeping its words',
    (xmlChapters) => {
      const body = `${'<div>'.repeat(10_000)}${paragraph}${'</div>'.repeat(10_000)}`
      const result = parseEpub(makeBook({ bodies: [body], xmlChapters }), 'deep.epub')
      if (!result.ok) throw new Error(result.error.message)
      expect(result.value.content.text).toBe(
        'A Bounded Book\n\nThe grey heron waits by the river for the fish that come with the tide.',
      )
    },
  )

  it('reads a link with a malformed %-escape instead of throwing', () => {
    const book = makeBook({ bodies: [`<p>Words.</p><img src="pic%zz.png" alt="A heron"/>`] })
    const result = parseEpub(book, 'escape.epub')
    expect(result.ok && result.value.content.text).toBe('A Bounded Book\n\nWords.\n\nA heron')
  })

  it.each([
    ['en_US', 'en'],
    ['x', 'en'],
    ['a-very-long-and-invalid-language-tag-indeed', 'en'],
  ])('takes the declared language %s as %s', (declared, language) => {
    const result = parseEpub(
      makeBook({ bodies: [paragraph.repeat(3)], language: declared }),
      'lang.epub',
    )
    expect(result.ok && result.value.language).toBe(language)
  })
})
