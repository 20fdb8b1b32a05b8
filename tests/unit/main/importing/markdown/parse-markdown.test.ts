import { describe, expect, it } from 'vitest'
import { formatOf } from '../../../../../src/main/importing/import-format'
import { parseMarkdown } from '../../../../../src/main/importing/markdown/parse-markdown'

function blocks(source: string, fileName = 'notes.md'): [string, string][] {
  const parsed = parseMarkdown(source, fileName)
  return parsed.content.segments.map((s) => [s.kind, parsed.content.text.slice(s.start, s.end)])
}

describe('parseMarkdown', () => {
  it('takes the first level-1 heading as the title and reads blocks as plain text', () => {
    expect(
      blocks(
        '# Field notes\n\nSome *emphasis* and a [link](https://example.org).\n\n## Birds\n\n> A heron\n> by the river.\n\n- one\n- **two**\n',
      ),
    ).toEqual([
      ['title', 'Field notes'],
      ['paragraph', 'Some emphasis and a link.'],
      ['heading', 'Birds'],
      ['quote', 'A heron by the river.'],
      ['list-item', 'one'],
      ['list-item', 'two'],
    ])
  })

  it('prefers a front-matter title and falls back to the file name', () => {
    expect(blocks('---\ntitle: "From the front"\ndate: 2026-01-01\n---\n\nText here.')[0]).toEqual([
      'title',
      'From the front',
    ])
    expect(blocks('Just text without a heading.', 'my_notes-2.md')[0]).toEqual([
      'title',
      'My notes 2',
    ])
  })

  it('keeps only the text of raw HTML: no script, no attributes, no markup', () => {
    const parsed = parseMarkdown(
      '# T\n\n<script>alert(1)</script><b onclick="x()">bold</b> &amp; <iframe src="https://evil.example"></iframe>more',
      'x.md',
    )
    expect(parsed.content.text).toBe('T\n\nbold & more')
  })

  it('keeps an image’s alt text inline, never its address nor a block of its own', () => {
    const parsed = parseMarkdown(
      '# T\n\n![A heron by the river](https://example.org/heron.jpg)',
      'x.md',
    )
    expect(blocks('# T\n\n![A heron by the river](https://example.org/heron.jpg)')).toEqual([
      ['title', 'T'],
      ['paragraph', 'A heron by the river'],
    ])
    expect(JSON.stringify(parsed)).not.toContain('example.org')
  })

  // Before: each badge became a large "picture not included" box.
  it('drops README badges: pictures in links, shields.io pictures', () => {
    expect(
      blocks(
        '# Tool\n\n[![Build](https://ci.example.org/badge.svg)](https://ci.example.org) [![npm](https://img.shields.io/npm/v/tool)](https://npmjs.com/tool) ![licence](https://img.shields.io/badge/licence-MIT-blue)\n\nA tool.',
      ),
    ).toEqual([
      ['title', 'Tool'],
      ['paragraph', 'A tool.'],
    ])
  })
})

describe('formatOf', () => {
  it('knows text, Markdown, web pages and EPUB by extension, and names what it cannot import yet', () => {
    expect(formatOf('a.TXT')).toEqual({ ok: true, value: 'text' })
    expect(formatOf('b.markdown')).toEqual({ ok: true, value: 'markdown' })
    expect(formatOf('README')).toEqual({ ok: true, value: 'text' })
    expect(formatOf('page.html')).toEqual({ ok: true, value: 'html' })
    expect(formatOf('book.epub')).toEqual({ ok: true, value: 'epub' })
    expect(formatOf('paper.pdf')).toMatchObject({
      ok: false,
      error: { code: 'unsupported-format', message: expect.stringContaining('is a PDF') },
    })
    expect(formatOf('x.exe')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('is a .exe file') },
    })
  })
})
