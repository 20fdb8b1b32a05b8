import { describe, expect, it } from 'vitest'
import {
  draftClozeFromPassage,
  draftQuestionFromPassage,
} from '../../../../../src/shared/domain/cards/draft-card'

const text =
  'Title\n\nThe BSI head disagrees. She says there must be more secure encryption. Others differ.\n\nNext block.'

describe('draftClozeFromPassage', () => {
  it('hides the highlighted words inside their sentence', () => {
    const start = text.indexOf('more secure')
    expect(draftClozeFromPassage(text, start, start + 'more secure'.length)).toEqual({
      kind: 'cloze',
      text: 'She says there must be {{c1::more secure}} encryption.',
      extra: '',
    })
  })

  it('takes every sentence the highlight touches, and no other block', () => {
    const start = text.indexOf('disagrees')
    const end = text.indexOf('She says') + 'She says'.length
    const draft = draftClozeFromPassage(text, start, end)
    expect(draft).toMatchObject({
      text: 'The BSI head {{c1::disagrees. She says}} there must be more secure encryption.',
    })
  })

  it('keeps braces in the text from being read as cloze syntax', () => {
    const withBraces = 'Use {{c2::x}} here.'
    const draft = draftClozeFromPassage(withBraces, 4, 13)
    expect(draft).toMatchObject({ text: 'Use {{c1::{ {c2::x} }}} here.' })
  })
})

describe('draftQuestionFromPassage', () => {
  it('makes the passage the answer of a question to write', () => {
    expect(draftQuestionFromPassage('Absolutism is not useful')).toEqual({
      kind: 'basic',
      front: '',
      back: 'Absolutism is not useful',
      isReversible: false,
    })
  })
})
