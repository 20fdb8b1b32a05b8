import { describe, expect, it } from 'vitest'
import type { DocumentText, Mark, Segment } from '../../../../../src/shared/model'
import { confineToModel } from '../../../../../src/main/importing/html/confine-to-model'

const text = 'A heron. See the river.'
const link = (href: string): Mark => ({ kind: 'link', start: 9, end: 23, href })

describe('confineToModel', () => {
  it('keeps blocks and marks of Lectern’s own kinds as they are', () => {
    const content: DocumentText = {
      text,
      segments: [
        { kind: 'heading', start: 0, end: 8, level: 2 },
        { kind: 'list-item', start: 9, end: 23, depth: 1, ordinal: 7, lang: 'de' },
      ],
      marks: [
        { kind: 'emphasis', start: 2, end: 7 },
        { kind: 'link', start: 9, end: 23, href: 'https://example.org/river' },
      ],
    }
    expect(confineToModel(content)).toEqual(content)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'http://example.org/plain',
    'file:///etc/passwd',
    'https://user:secret@example.org/',
    'river.html',
    '#top',
  ])('keeps the words of a link to %s, and no link', (href) => {
    const confined = confineToModel({ text, segments: [], marks: [link(href)] })
    expect(confined).toEqual({ text, segments: [], marks: [] })
  })

  it('stores a link’s address as the browser would open it', () => {
    const confined = confineToModel({
      text,
      segments: [],
      marks: [link('HTTPS://Example.org/a b'), link('mailto:heron@example.org')],
    })
    expect(confined.marks?.map((mark) => mark.href)).toEqual([
      'https://example.org/a%20b',
      'mailto:heron@example.org',
    ])
  })

  it('drops fields and kinds the model does not know, and values it does not accept', () => {
    const hostile = {
      text,
      segments: [
        { kind: 'paragraph', start: 0, end: 8, html: '<img onerror=x>', onclick: 'x()' },
        { kind: 'script', start: 0, end: 8 },
        { kind: 'heading', start: 0, end: 8, level: 9, lang: 'javascript:x', asset: '../x.svg' },
        {
          kind: 'table-cell',
          start: 9,
          end: 23,
          cell: { table: 0, row: 1, column: 2, isHeader: false, onclick: 'x()' },
        },
        { kind: 'paragraph', start: 9, end: 99 },
        { kind: 'paragraph', start: 5, end: 2 },
      ] as unknown as Segment[],
      marks: [
        { kind: 'emphasis', start: 0, end: 8, href: 'https://example.org/' },
        { kind: 'iframe', start: 0, end: 8, href: 'https://example.org/' },
        { kind: 'strong', start: 0, end: 80 },
      ] as unknown as Mark[],
    }
    expect(confineToModel(hostile)).toEqual({
      text,
      segments: [
        { kind: 'paragraph', start: 0, end: 8 },
        { kind: 'heading', start: 0, end: 8 },
        {
          kind: 'table-cell',
          start: 9,
          end: 23,
          cell: { table: 0, row: 1, column: 2, isHeader: false },
        },
      ],
      marks: [{ kind: 'emphasis', start: 0, end: 8 }],
    })
  })
})
