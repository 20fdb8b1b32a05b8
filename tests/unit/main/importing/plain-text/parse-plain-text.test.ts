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
