import { describe, expect, it } from 'vitest'
import { draftQuestion, questionAbout } from '../../../../../src/shared/domain/cards/draft-question'
import { article, spanOf } from './bundled-article'

function draft(quote: string, note = '', text = article) {
  const { start, end } = spanOf(quote, text)
  const card = draftQuestion(text, start, end, note)
  if (card.kind !== 'basic') throw new Error('A question is a question card.')
  return card
}

describe('draftQuestion', () => {
  it('asks the highlight when it is a question, the note answering', () => {
    const text = 'Intro.\n\nWho decides what is lawful? Nobody says.'
    expect(draft('Who decides what is lawful?', 'The courts, in the end.', text)).toEqual({
      kind: 'basic',
      front: 'Who decides what is lawful?',
      back: 'The courts, in the end.',
      isReversible: false,
    })
    expect(draft('Who decides what is lawful?', '', text)).toMatchObject({ back: '' })
  })

  it('asks the first line of the note when it is a question, the passage answering', () => {
    expect(
      draft('Absolutism is not useful on either side.', '## Is a middle way possible?\nMaybe.'),
    ).toEqual({
      kind: 'basic',
      front: 'Is a middle way possible?',
      back: 'Absolutism is not useful on either side.\n\nMaybe.',
      isReversible: false,
    })
    expect(draft('Absolutism is not useful on either side.', '- *Why not?*')).toMatchObject({
      front: 'Why not?',
    })
  })

  it('builds a question from the passage’s speaker and key words, never a blank', () => {
    expect(
      draft(
        'Governments and industry must take urgent action against end-to-end encryption to protect public safety on social media, warns Europol.',
        'A note that asks nothing.',
      ),
    ).toMatchObject({
      front: 'What does Europol say about governments?',
      back: expect.stringMatching(/^Governments and industry/),
    })
    expect(draft('Absolutism is not useful on either side.').front).toBe(
      'What does this passage say about Absolutism?',
    )
  })

  it('answers a highlighted name with its sentence, not with the name again', () => {
    expect(draft('Claudia Plattner')).toMatchObject({
      front: 'What does this passage say about Claudia Plattner?',
      back: expect.stringMatching(/^The new head of the BSI, Claudia Plattner/),
    })
  })
})

describe('questionAbout', () => {
  it('asks what the passage says when it has no word worth naming', () => {
    const text = 'Intro.\n\nSo it is.\n\nEnd.'
    const { start, end } = spanOf('So it is.', text)
    expect(questionAbout(text, start, end)).toBe('What does this passage say?')
  })

  it('keeps a name’s capital and lowers a word that only opens the sentence', () => {
    const { start, end } = spanOf('Europol warns that governments and industry must urgently take')
    expect(questionAbout(article, start, end)).toMatch(/^What does .* say about .*\?$/)
    expect(questionAbout(article, start, end)).not.toContain('europol')
  })
})
