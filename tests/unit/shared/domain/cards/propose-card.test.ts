import { describe, expect, it } from 'vitest'
import { proposeCard } from '../../../../../src/shared/domain/cards/propose-card'
import type { LabelCardKind } from '../../../../../src/shared/model'
import { article, spanOf } from './bundled-article'

function propose(
  quote: string,
  cardKind: LabelCardKind,
  note = '',
  actorName: string | null = null,
) {
  return proposeCard({ text: article, ...spanOf(quote), note, cardKind, actorName })
}
const proposed = (proposal: ReturnType<typeof proposeCard>) => proposal.drafts[proposal.kind]

describe('proposeCard', () => {
  it('proposes term → definition for a Definition highlight', () => {
    const proposal = propose('Absolutism is not useful on either side.', 'term-definition')
    expect(proposal.kind).toBe('term-definition')
    expect(proposed(proposal)).toMatchObject({
      front: 'Absolutism',
      back: 'not useful on either side.',
    })
  })

  it('proposes "What does <actor> want?" for a Key position highlight', () => {
    const quote =
      'In his role as Federal Digital Minister, Volker Wissing even wants to enshrine the right to encryption in law.'
    expect(proposed(propose(quote, 'position-question'))).toMatchObject({
      front: 'What does Volker Wissing want?',
      back: quote,
    })
    expect(proposed(propose(quote, 'position-question', '', 'The minister'))).toMatchObject({
      front: 'What does The minister want?',
    })
  })

  it('proposes the cloze for a Key position highlight that only names someone', () => {
    const proposal = propose('Claudia Plattner', 'position-question')
    expect(proposal.kind).toBe('cloze')
    expect(proposed(proposal)).toMatchObject({
      text: expect.stringContaining('{{c1::Claudia Plattner}}'),
    })
  })

  it('proposes a question card for a Question highlight', () => {
    expect(
      proposed(propose('Absolutism is not useful on either side.', 'question', 'Is it, though?')),
    ).toMatchObject({ front: 'Is it, though?', back: 'Absolutism is not useful on either side.' })
  })

  it('never proposes a "[…]" cloze for a whole highlighted sentence, of any colour', () => {
    const sentence =
      'They support the development of critical innovations such as encryption as a measure to strengthen the cyber security and privacy of citizens.'
    for (const kind of ['cloze', 'term-definition', 'position-question', 'question'] as const) {
      const card = proposed(propose(sentence, kind))
      if (card?.kind === 'cloze') expect(card.text).not.toContain(`{{c1::${sentence}`)
      else expect(card?.front).toMatch(/\S/)
    }
  })

  it('proposes a question card where no cloze can be made', () => {
    const text = 'Intro.\n\nSo it is.\n\nEnd.'
    const proposal = proposeCard({
      text,
      ...spanOf('So it is.', text),
      note: '',
      cardKind: 'cloze',
      actorName: null,
    })
    expect(proposal.kind).toBe('question')
    expect(proposal.drafts.cloze).toBeUndefined()
    expect(proposed(proposal)).toMatchObject({ kind: 'basic', back: 'So it is.' })
    expect(proposed(proposal)).not.toMatchObject({ front: '' })
  })

  it('offers a draft of every kind, to switch to before saving', () => {
    const proposal = propose('Absolutism is not useful on either side.', 'cloze')
    expect(Object.keys(proposal.drafts).sort()).toEqual([
      'cloze',
      'position-question',
      'question',
      'term-definition',
    ])
  })
})
