import { describe, expect, it } from 'vitest'
import type { Mark } from '../../../src/shared/model'
import { inlineNodes, MarkIndex } from '../../../src/renderer/src/lib/inline-marks'

const text = 'Read the harbour guide now, then ask.'
const at = (word: string, mark: Omit<Mark, 'start' | 'end'>): Mark => {
  const start = text.indexOf(word)
  return { ...mark, start, end: start + word.length }
}
const html = (nodes: Node[]) => {
  const box = document.createElement('p')
  box.append(...nodes)
  return box.innerHTML
}

describe('inline marks', () => {
  it('become emphasis, strong and code elements around exactly their words', () => {
    const marks = [
      at('harbour', { kind: 'emphasis' }),
      at('guide', { kind: 'strong' }),
      at('ask', { kind: 'code' }),
    ]
    const nodes = inlineNodes(document, text, 0, text.length, marks)
    expect(html(nodes)).toBe(
      'Read the <em>harbour</em> <strong>guide</strong> now, then <code>ask</code>.',
    )
  })

  it('nest a link around the emphasis inside it, and cut an emphasis that crosses a link', () => {
    const marks = [
      at('the harbour guide', { kind: 'link', href: 'https://harbour.example.org/guide' }),
      at('harbour', { kind: 'emphasis' }),
      at('guide now', { kind: 'strong' }),
    ]
    const nodes = inlineNodes(document, text, 0, text.length, marks)
    expect(html(nodes)).toBe(
      'Read <a class="text-link" href="https://harbour.example.org/guide" title="https://harbour.example.org/guide" rel="noreferrer" draggable="false">the <em>harbour</em> <strong>guide</strong></a><strong> now</strong>, then ask.',
    )
  })

  it('keep the text exactly the span of the document, whatever marks it holds', () => {
    const marks = [
      at('Read the', { kind: 'strong' }),
      at('the harbour', { kind: 'emphasis' }),
      at('harbour guide now', { kind: 'link', href: 'mailto:desk@harbour.example.org' }),
    ]
    const box = document.createElement('p')
    box.append(...inlineNodes(document, text, 5, 27, marks))
    expect(box.textContent).toBe(text.slice(5, 27))
  })

  it('show a link to a javascript: address (a hand-edited file) as plain text, with no link', () => {
    const marks = [
      at('harbour guide', { kind: 'link', href: 'javascript:alert(1)' }),
      at('ask', { kind: 'link', href: 'http://harbour.example.org' }),
      at('then', { kind: 'link' }),
    ]
    const box = document.createElement('p')
    box.append(...inlineNodes(document, text, 0, text.length, marks))
    expect(box.querySelector('a')).toBeNull()
    expect(box.innerHTML).toBe(text)
  })

  it('make no element for a kind of mark Lectern does not know (a hand-edited file)', () => {
    const unknown = { kind: 'script', start: 0, end: 4 } as unknown as Mark
    const box = document.createElement('p')
    box.append(...inlineNodes(document, text, 0, text.length, [unknown]))
    expect(box.innerHTML).toBe(text)
  })

  it('never turn text into markup', () => {
    const hostile = 'a <img src=x onerror=alert(1)> b'
    const box = document.createElement('p')
    box.append(
      ...inlineNodes(document, hostile, 0, hostile.length, [{ kind: 'strong', start: 2, end: 30 }]),
    )
    expect(box.querySelector('img')).toBeNull()
    expect(box.textContent).toBe(hostile)
  })

  it('make a footnote reference a superscript link naming its footnote', () => {
    const nodes = inlineNodes(document, 'Still.1', 0, 7, [
      { kind: 'footnote-ref', start: 6, end: 7, footnote: '1' },
    ])
    expect(html(nodes)).toBe(
      'Still.<sup><a class="footnote-ref" href="#" draggable="false" data-footnote="1" aria-label="Footnote 1">1</a></sup>',
    )
  })
})

describe('the index of marks', () => {
  it('finds the marks over a span, including one that starts before it', () => {
    const index = new MarkIndex([
      { kind: 'strong', start: 40, end: 45 },
      { kind: 'emphasis', start: 0, end: 30 },
      { kind: 'code', start: 12, end: 14 },
      { kind: 'code', start: 31, end: 33 },
    ])
    expect(index.within(20, 35).map((mark) => mark.start)).toEqual([0, 31])
    expect(index.within(45, 50)).toEqual([])
  })

  it('is empty for a document imported before marks were kept', () => {
    expect(new MarkIndex(undefined).within(0, 100)).toEqual([])
  })
})
