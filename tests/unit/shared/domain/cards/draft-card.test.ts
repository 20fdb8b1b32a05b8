import { describe, expect, it } from 'vitest'
import {
  coversSentence,
  draftClozeFromPassage,
  draftQuestionFromPassage,
  sentenceAround,
} from '../../../../../src/shared/domain/cards/draft-card'
import { article, spanOf } from './bundled-article'

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

describe('a cloze never hides a whole sentence', () => {
  const clozeOf = (quote: string) => {
    const { start, end } = spanOf(quote)
    const draft = draftClozeFromPassage(article, start, end)
    return draft?.kind === 'cloze' ? draft.text : null
  }

  it('hides the key words of a highlighted sentence of the article instead of all of it', () => {
    expect(
      clozeOf(
        'The police leaders of the European member states met in London on April 18 at the invitation of the National Crime Agency.',
      ),
    ).toBe(
      'The police leaders of the {{c1::European}} member states met in London on {{c1::April 18}} at the invitation of the {{c1::National Crime Agency}}.',
    )
    expect(clozeOf('Absolutism is not useful on either side.')).toBe(
      '{{c1::Absolutism}} is not useful on either side.',
    )
  })

  it('counts a highlight that leaves only "they add" outside as the whole sentence', () => {
    expect(clozeOf('This partnership is under threat')).toBe(
      'This {{c1::partnership}} is under threat," they add.',
    )
  })

  it('never proposes a bare "[…]" for any sentence of the article', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
    let sentences = 0
    for (const block of article.matchAll(/[^\n]+/g)) {
      for (const { segment, index } of segmenter.segment(block[0])) {
        const start = block.index + index
        const end = start + segment.trimEnd().length
        const draft = draftClozeFromPassage(article, start, end)
        sentences++
        if (!draft) continue
        expect(draft.kind).toBe('cloze')
        if (draft.kind !== 'cloze') continue
        // Most of the sentence is left to recall the hidden words by.
        const words = (part: string) => part.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
        const hiddenWords = [...draft.text.matchAll(/\{\{c1::(.*?)\}\}/g)]
          .map((match) => words(match[1]!))
          .reduce((sum, count) => sum + count, 0)
        if (coversSentence(article, start, end))
          expect(hiddenWords).toBeLessThan(words(draft.text) / 2)
      }
    }
    expect(sentences).toBeGreaterThan(30)
  })

  it('gives no cloze when a highlighted sentence has no word worth hiding', () => {
    const text = 'Intro.\n\nSo it is.\n\nEnd.'
    const { start, end } = spanOf('So it is.', text)
    expect(draftClozeFromPassage(text, start, end)).toBeNull()
  })

  it('still hides a part of a sentence as it was highlighted', () => {
    expect(clozeOf('Claudia Plattner')).toBe(
      'The new head of the BSI, {{c1::Claudia Plattner}}, on the other hand, emphasized in the middle of last year that "there must be more secure end-to-end encryption".',
    )
  })
})

describe('coversSentence', () => {
  it('tells a whole or nearly whole sentence from a part of one', () => {
    const sentence = spanOf('Absolutism is not useful on either side.')
    expect(coversSentence(article, sentence.start, sentence.end)).toBe(true)
    expect(coversSentence(article, sentence.start + 'Absolutism '.length, sentence.end)).toBe(false)
    expect(coversSentence(article, sentence.start, sentence.end - '.'.length)).toBe(true)
    const part = spanOf('not useful')
    expect(coversSentence(article, part.start, part.end)).toBe(false)
  })

  it('finds the sentence around a passage, within its block', () => {
    const { start, end } = spanOf('not useful')
    const around = sentenceAround(article, start, end)
    expect(article.slice(around.start, around.end)).toBe('Absolutism is not useful on either side.')
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
