import { describe, expect, it } from 'vitest'
import {
  actorCitingHighlight,
  draftPositionQuestion,
  speakerOfPassage,
  whatDoes,
} from '../../../../../src/shared/domain/cards/draft-position-question'
import type { DocumentPositions } from '../../../../../src/shared/model'
import { article, spanOf } from './bundled-article'

const positions: DocumentPositions = {
  topic: 'end-to-end encryption',
  actors: [
    { id: 'wissing', name: 'Volker Wissing', kind: 'person', role: 'Federal Digital Minister' },
    { id: 'meps', name: 'Members of the European Parliament', kind: 'body', role: 'MEPs' },
  ],
  positions: [
    {
      id: 'wissing-for',
      actorId: 'wissing',
      stance: 'for',
      summary: 'A right to encryption in law.',
      evidence: ['h-other', 'h-wissing'],
      createdAt: '2026-11-28T09:00:00.000Z',
      updatedAt: '2026-11-28T09:00:00.000Z',
    },
  ],
}

function draft(quote: string, actorName: string | null = null) {
  const { start, end } = spanOf(quote)
  const card = draftPositionQuestion(article, start, end, actorName)
  if (card.kind !== 'basic') throw new Error('A position question is a question card.')
  return card
}

describe('draftPositionQuestion', () => {
  it('asks what the actor whose position cites the highlight wants, the passage answering', () => {
    const quote = 'Volker Wissing even wants to enshrine the right to encryption in law.'
    expect(draft(quote, actorCitingHighlight(positions, 'h-wissing'))).toEqual({
      kind: 'basic',
      front: 'What does Volker Wissing want?',
      back: quote,
      isReversible: false,
    })
  })

  it('asks about the speaker the statement extractor finds when no position cites it', () => {
    expect(
      draft(
        'Governments and industry must take urgent action against end-to-end encryption to protect public safety on social media, warns Europol.',
      ).front,
    ).toBe('What does Europol want?')
    expect(draft('MEPs are also against mass surveillance').front).toBe('What do MEPs want?')
  })

  it('finds who "they" are from the sentences before', () => {
    expect(draft('This partnership is under threat').front).toBe(
      'What do the leaders of the European police authorities want?',
    )
  })

  it('asks which position the passage states when nobody is named', () => {
    expect(draft('Absolutism is not useful on either side.')).toMatchObject({
      front: 'What position does this passage state?',
      back: 'Absolutism is not useful on either side.',
    })
  })
})

describe('actorCitingHighlight', () => {
  it('names the actor of the position citing the highlight, or nobody', () => {
    expect(actorCitingHighlight(positions, 'h-wissing')).toBe('Volker Wissing')
    expect(actorCitingHighlight(positions, 'h-unknown')).toBeNull()
    expect(actorCitingHighlight(null, 'h-wissing')).toBeNull()
  })
})

describe('speakerOfPassage', () => {
  it('is null for a passage nobody is said to speak', () => {
    const { start, end } = spanOf('Save to Pocket listen Print view')
    expect(speakerOfPassage(article, start, end)).toBeNull()
  })
})

describe('whatDoes', () => {
  it('makes the verb agree with the speaker and gives a common noun its article', () => {
    expect(whatDoes('Europol')).toBe('What does Europol')
    expect(whatDoes('Claudia Plattner')).toBe('What does Claudia Plattner')
    expect(whatDoes('MEPs')).toBe('What do MEPs')
    expect(whatDoes('police chiefs')).toBe('What do the police chiefs')
    expect(whatDoes('Europol and the European police chiefs')).toBe(
      'What do Europol and the European police chiefs',
    )
    expect(whatDoes('Members of the European Parliament')).toBe(
      'What do Members of the European Parliament',
    )
    expect(whatDoes('United Kingdom / National Crime Agency')).toBe(
      'What does United Kingdom / National Crime Agency',
    )
  })
})
