import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readDocument } from '../../../../src/main/importing/import-format'

const container = strToU8('<container><rootfile full-path="content.opf"/></container>')

describe('readDocument', () => {
  // Before: jsdom's XML error came out of the importer as an exception with a stack.
  it.each([
    [
      'a chapter that is not well-formed XML',
      zipSync({
        'META-INF/container.xml': container,
        'content.opf': strToU8(
          '<?xml version="1.0"?><package><manifest><item id="c0" href="c0.xhtml"/></manifest><spine><itemref idref="c0"/></spine></package>',
        ),
        'c0.xhtml': strToU8('<?xml version="1.0"?><html><body><p>unclosed</body></html>'),
      }),
    ],
    [
      'a package document that is not well-formed XML',
      zipSync({
        'META-INF/container.xml': container,
        'content.opf': strToU8('<package><unclosed></package>'),
      }),
    ],
  ])('refuses a book with %s in a sentence', (_, book) => {
    expect(readDocument(book, 'bad.epub')).toEqual({
      ok: false,
      error: {
        code: 'parse-failed',
        message:
          '“bad.epub” could not be read: its contents are damaged or not what its name says. Nothing was imported.',
      },
    })
  })
})
