import { strToU8, zipSync } from 'fflate'
import {
  makeEpub as makeBook,
  makeShapeEpub,
  makeShapedEpub,
  tinyPng,
} from '../../../../support/epub-fixture'
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

  it('keeps a book’s shape: numbered lists from their start, footnotes, marks, code as written', () => {
    const result = parseEpub(makeShapeEpub(), 'shape.epub')
    if (!result.ok) throw new Error(result.error.message)
    const { content } = result.value
    const text = (s: { start: number; end: number }) => content.text.slice(s.start, s.end)
    expect(
      content.segments.filter((s) => s.kind === 'list-item').map((s) => [s.ordinal, s.depth]),
    ).toEqual([
      [3, undefined],
      [4, undefined],
      [1, 1],
      [2, 1],
      [5, undefined],
    ])
    expect(
      content.segments.filter((s) => s.kind === 'footnote').map((s) => [s.footnote, text(s)]),
    ).toEqual([
      ['1', 'Herons may stand still for over an hour.'],
      ['2', 'Counted from the boats.'],
      ['3', 'The 2025 count was finished in March.'],
    ])
    expect(text(content.segments.find((s) => s.kind === 'code')!)).toBe(
      'year,nests\n2024,41\n  2025,47',
    )
    expect(content.marks?.map((m) => [m.kind, content.text.slice(m.start, m.end)])).toEqual([
      ['emphasis', 'perfectly still'],
      ['strong', 'waits'],
      ['footnote-ref', '1'],
      ['emphasis', 'February'],
      ['link', 'the survey site'],
      ['code', 'survey.csv'],
      ['footnote-ref', '2'],
      ['footnote-ref', '3'],
    ])
  })

  // The alt text belongs to the stored picture (the reader gives it to the image, not as a line):
  // the figcaption is the figure's one caption.
  it('gives a figure its picture with the alt text and one caption, never the alt as a caption', () => {
    const result = parseEpub(makeShapeEpub(), 'shape.epub')
    if (!result.ok) throw new Error(result.error.message)
    const { content } = result.value
    const figure = content.segments.filter((s) => s.kind.startsWith('figure-'))
    expect(figure.map((s) => [s.kind, Boolean(s.asset)])).toEqual([
      ['figure-alt', true],
      ['figure-caption', false],
    ])
  })

  it('numbers tables through the whole book, not per chapter', () => {
    const table = '<table><tr><th>Year</th></tr><tr><td>2025</td></tr></table>'
    const result = parseEpub(
      makeShapedEpub({ chapters: [table, `<p>Between.</p>${table}`] }),
      'b.epub',
    )
    if (!result.ok) throw new Error(result.error.message)
    expect(
      result.value.content.segments.flatMap((s) => (s.cell ? [[s.cell.table, s.cell.row]] : [])),
    ).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ])
  })

  it('gives the notes of a notes chapter the labels their references showed', () => {
    const book = makeShapedEpub({
      chapters: [
        '<p>Words.<a id="r1" href="c1.xhtml#n1"><sup>*</sup></a> More words.<sup><a id="r2" href="c1.xhtml#n2">2</a></sup></p>',
        '<p id="n1"><a href="c0.xhtml#r1">*</a> The starred note.</p><p id="n2"><sup><a href="c0.xhtml#r2">2</a></sup> The second note.</p>',
      ],
    })
    const result = parseEpub(book, 'notes.epub')
    if (!result.ok) throw new Error(result.error.message)
    const { content } = result.value
    expect(
      content.segments
        .filter((s) => s.kind === 'footnote')
        .map((s) => [s.footnote, content.text.slice(s.start, s.end)]),
    ).toEqual([
      ['*', 'The starred note.'],
      ['2', 'The second note.'],
    ])
    expect(content.marks?.map((m) => [m.kind, m.footnote])).toEqual([
      ['footnote-ref', '*'],
      ['footnote-ref', '2'],
    ])
  })
})
