import { describe, expect, it } from 'vitest'
import {
  clozeNumbers,
  clozePlainText,
  parseCloze,
  renderCloze,
} from '../../../../../src/shared/domain/cloze/cloze'

const source =
  '{{c1::Europol}} warns against {{c2::end-to-end encryption::a technology}}; {{c1::it}} wants access.'

describe('cloze', () => {
  it('parses deletions with numbers, text and hints', () => {
    expect(parseCloze(source)).toEqual([
      { number: 1, text: 'Europol', hint: null },
      { number: 2, text: 'end-to-end encryption', hint: 'a technology' },
      { number: 1, text: 'it', hint: null },
    ])
    expect(clozeNumbers(source)).toEqual([1, 2])
  })

  it('blanks only this card’s deletions on the question side', () => {
    expect(renderCloze(source, 2, 'question')).toEqual([
      { kind: 'text', text: 'Europol warns against ' },
      { kind: 'blank', hint: 'a technology' },
      { kind: 'text', text: '; it wants access.' },
    ])
  })

  it('reveals them on the answer side', () => {
    expect(renderCloze(source, 1, 'answer')).toEqual([
      { kind: 'answer', text: 'Europol' },
      { kind: 'text', text: ' warns against end-to-end encryption; ' },
      { kind: 'answer', text: 'it' },
      { kind: 'text', text: ' wants access.' },
    ])
  })

  it('gives the plain text and no numbers for a text without deletions', () => {
    expect(clozePlainText(source)).toBe(
      'Europol warns against end-to-end encryption; it wants access.',
    )
    expect(clozeNumbers('no cloze here {{c1:broken}}')).toEqual([])
  })
})
