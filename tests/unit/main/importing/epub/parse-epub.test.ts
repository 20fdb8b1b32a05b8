import { strToU8, zipSync } from 'fflate'
import { makeEpub as makeBook, tinyPng } from '../../../../support/epub-fixture'
import { describe, expect, it } from 'vitest'
import { parseEpub } from '../../../../../src/main/importing/epub/parse-epub'

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
      ['figure-alt', 'A drawing'],
      ['heading', 'Chapter Two'],
      ['paragraph', 'The second chapter ends at the sea.'],
    ])
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined()
  })

  it('reads the book’s table of contents and points each entry at its chapter', () => {
    const result = parseEpub(makeBook(), 'book.epub')
    if (!result.ok) throw new Error(result.error.message)
    const { toc, content } = result.value
    expect(
      toc?.map((entry) => [
        entry.label,
        content.text.slice(
          content.segments[entry.segmentIndex]!.start,
          content.segments[entry.segmentIndex]!.end,
        ),
      ]),
    ).toEqual([
      ['1. The River', 'Chapter One'],
      ['2. The Sea', 'Chapter Two'],
    ])
  })

  it('keeps raster pictures as assets beside their alt text, never SVG', () => {
    const result = parseEpub(makeBook(), 'book.epub')
    if (!result.ok) throw new Error(result.error.message)
    const figures = result.value.content.segments.filter((s) => s.kind === 'figure-alt')
    expect(figures[0]?.asset).toMatch(/^[0-9a-f]{16}\.png$/)
    expect(figures[1]?.asset).toBeUndefined()
    expect([...(result.value.assets ?? new Map()).values()]).toEqual([tinyPng])
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
    const container = `<?xml version="1.0"?><container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>`
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
