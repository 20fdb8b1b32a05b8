import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  parsePlainText,
  type ParsedText,
} from '../../../../../src/main/importing/plain-text/parse-plain-text'

const article = readFileSync(
  resolve(__dirname, '../../../../../resources/articles/europol-warns-about-e2ee.en.txt'),
  'utf8',
)

/** The document as a list of [kind, text] pairs, for readable expectations. */
function blocks(parsed: ParsedText): [string, string][] {
  return parsed.content.segments.map((s) => [s.kind, parsed.content.text.slice(s.start, s.end)])
}

describe('parsePlainText on the bundled heise article', () => {
  const parsed = parsePlainText(article, 'europol-warns-about-e2ee.en.txt')
  const kinds = parsed.content.segments.map((s) => s.kind)

  it('finds the title and the lead', () => {
    expect(parsed.title).toBe('Europol warns industry and governments about end-to-end encryption')
    expect(parsed.lead).toBe(
      'Europol warns that governments and industry must urgently take measures against end-to-end encryption.',
    )
    expect(kinds.slice(0, 2)).toEqual(['title', 'lead'])
  })

  it('reads the figure as alt text, caption and credit, marking the German parts', () => {
    const figure = parsed.content.segments.filter((s) => s.kind.startsWith('figure-'))
    expect(figure.map((s) => [s.kind, parsed.content.text.slice(s.start, s.end), s.lang])).toEqual([
      ['figure-alt', 'Laptop im Netz wird mit Lupe untersucht', 'de'],
      ['figure-caption', 'Examination of the systems for anomalies', undefined],
      // The source has a no-break space after "Bild:", kept as it is.
      [
        'figure-credit',
        '(Bild:\u00a0Bild erstellt mit KI in Bing Designer durch heise online / dmk)',
        'de',
      ],
    ])
  })

  it('removes the page chrome and keeps the translation notice as metadata', () => {
    expect(parsed.content.text).not.toMatch(
      /Save to Pocket|Print view|min\. read|originally published/,
    )
    expect(parsed.translation).toEqual({ fromLanguage: 'de', isMachineTranslation: true })
  })

  it('keeps all seven body paragraphs whole and ends with the author tag', () => {
    const paragraphs = blocks(parsed).filter(([kind]) => kind === 'paragraph')
    expect(paragraphs).toHaveLength(7)
    expect(paragraphs[0]?.[1]).toMatch(/^Governments and industry must take urgent action/)
    expect(paragraphs[6]?.[1]).toMatch(/would receive automatic end-to-end encryption\.$/)
    expect(blocks(parsed).at(-1)).toEqual(['author-tag', '(dmk)'])
    expect(parsed.authorTag).toBe('dmk')
  })

  it('is English, and every offset points at its own text', () => {
    expect(parsed.language).toBe('en')
    for (const segment of parsed.content.segments) {
      const text = parsed.content.text.slice(segment.start, segment.end)
      expect(text.trim()).toBe(text)
      expect(text.length).toBeGreaterThan(0)
    }
    expect(parsed.wordCount).toBeGreaterThan(600)
  })

  it('gives the same document for CRLF line endings', () => {
    const crlf = parsePlainText(article.replace(/\n/g, '\r\n'), 'x.txt')
    expect(crlf.content).toEqual(parsed.content)
  })
})

describe('parsePlainText on other texts', () => {
  it('joins hard-wrapped paragraphs, keeping hyphenated words whole', () => {
    const text =
      'A Study in Wrapping\n\nThe quick brown fox jumps over the\nlazy dog while a well-\nknown cat watches.\n\nSecond paragraph\nwraps here too.\n'
    expect(blocks(parsePlainText(text, 'x.txt'))).toEqual([
      ['title', 'A Study in Wrapping'],
      ['paragraph', 'The quick brown fox jumps over the lazy dog while a well-known cat watches.'],
      ['paragraph', 'Second paragraph wraps here too.'],
    ])
  })

  it('takes the title from the file name when the text has no title line', () => {
    const text =
      'It was a bright cold day in April, and the clocks were striking thirteen.\nWinston Smith slipped quickly through the glass doors.\n'
    const parsed = parsePlainText(text, '/home/me/first_chapter-draft.txt')
    expect(parsed.title).toBe('First chapter draft')
    expect(blocks(parsed)[0]).toEqual(['title', 'First chapter draft'])
    expect(blocks(parsed)[1]?.[0]).toBe('paragraph')
  })

  it('reads a single very long line as one paragraph', () => {
    const sentence = 'This sentence is part of a very long line without any breaks at all. '
    const long = sentence.repeat(20_000).trim()
    const parsed = parsePlainText(long, 'long.txt')
    expect(parsed.title).toBe('Long')
    expect(blocks(parsed)[1]).toEqual(['paragraph', long])
  })

  it('reads lists, quotes and headings', () => {
    const text = [
      'Field Notes',
      '',
      'Introduction',
      '',
      'We went out to look at the birds, and this is what we saw.',
      '',
      '- a heron by the river',
      '- two kingfishers',
      '',
      '> Birds are the last living dinosaurs,',
      '> said the guide.',
      '',
      'That was all for the day.',
    ].join('\n')
    expect(blocks(parsePlainText(text, 'x.txt'))).toEqual([
      ['title', 'Field Notes'],
      ['heading', 'Introduction'],
      ['paragraph', 'We went out to look at the birds, and this is what we saw.'],
      ['list-item', 'a heron by the river'],
      ['list-item', 'two kingfishers'],
      ['quote', 'Birds are the last living dinosaurs, said the guide.'],
      ['paragraph', 'That was all for the day.'],
    ])
  })

  it('guesses German for a German text and says "und" when it cannot tell', () => {
    expect(
      parsePlainText(
        'Titel\n\nDie Polizei warnt vor der Verschlüsselung, und das ist nicht neu.',
        'x.txt',
      ).language,
    ).toBe('de')
    expect(parsePlainText('Title\n\n12345 67890', 'x.txt').language).toBe('und')
  })
})

describe('parsePlainText keeps the shape of a licence', () => {
  const licence = [
    'Apache License',
    '',
    'Version 2.0, January 2004',
    '',
    'http://www.apache.org/licenses/',
    '',
    'TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION',
    '',
    '1. Definitions.',
    '',
    '"License" shall mean the terms as defined by Sections 1 through 9 of this document.',
    '',
    '2. Grant of Copyright License. Subject to the terms and conditions of',
    '   this License, each Contributor hereby grants to You a licence.',
    '',
    'Copyright [yyyy] [name of copyright owner]',
    '',
    'Copyright (c) <year> <copyright holders>',
    '',
    'See also',
    '',
    'The end of the licence.',
  ].join('\n')
  const parsed = parsePlainText(licence, 'LICENSE')

  // Before: "1. Definitions." lost its number while the text refers to "Sections 1 through 9".
  it('reads numbered lines as ordered items that keep their number', () => {
    const items = parsed.content.segments.filter((s) => s.kind === 'list-item')
    expect(items.map((s) => [parsed.content.text.slice(s.start, s.end), s.ordinal])).toEqual([
      ['Definitions.', 1],
      [
        'Grant of Copyright License. Subject to the terms and conditions of this License, each Contributor hereby grants to You a licence.',
        2,
      ],
    ])
  })

  // Before: the version line, the address and the template's copyright lines were large headings.
  it('takes only real headings as headings: no address, date, version or copyright line', () => {
    expect(blocks(parsed).filter(([kind]) => kind === 'heading')).toEqual([
      ['heading', 'TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION'],
      ['heading', 'See also'],
    ])
    expect(blocks(parsed)).toContainEqual(['paragraph', 'Version 2.0, January 2004'])
    expect(blocks(parsed)).toContainEqual(['paragraph', 'http://www.apache.org/licenses/'])
    expect(blocks(parsed)).toContainEqual([
      'paragraph',
      'Copyright [yyyy] [name of copyright owner]',
    ])
    expect(blocks(parsed)).toContainEqual(['paragraph', 'Copyright (c) <year> <copyright holders>'])
  })

  it('gives Markdown-style headings their level', () => {
    const text = 'Notes\n\n# One\n\nWords.\n\nTwo\n===\n\nThree\n---\n\n### Four ###\n\nEnd.'
    expect(
      parsePlainText(text, 'x.txt')
        .content.segments.filter((s) => s.kind === 'heading')
        .map((s) => s.level),
    ).toEqual([1, 1, 2, 3])
  })

  it('nests items marked deeper, and joins an item’s indented continuation lines', () => {
    const text = [
      'Notes',
      '',
      '1. First step,',
      '   wrapped.',
      '   - a detail',
      '   - another',
      '2. Second step.',
    ].join('\n')
    expect(
      parsePlainText(text, 'x.txt')
        .content.segments.slice(1)
        .map((s) => [s.depth, s.ordinal]),
    ).toEqual([
      [undefined, 1],
      [1, undefined],
      [1, undefined],
      [undefined, 2],
    ])
    expect(parsePlainText(text, 'x.txt').content.text).toContain('First step, wrapped.')
  })

  it('keeps a paragraph that starts with a dash but goes on unindented as a paragraph', () => {
    const text = 'Notes\n\n– Come here, she said,\nand he came.\n\nEnd.'
    expect(blocks(parsePlainText(text, 'x.txt'))[1]).toEqual([
      'paragraph',
      '– Come here, she said, and he came.',
    ])
  })
})
