import { describe, expect, it } from 'vitest'
import {
  proposeCard,
  proposeCardForHighlight,
} from '../../../../../src/shared/domain/cards/propose-card'
import {
  defaultHighlightLabels,
  type Highlight,
  type LabelCardKind,
} from '../../../../../src/shared/model'
import { article, spanOf } from './bundled-article'

function propose(
  quote: string,
  cardKind: LabelCardKind,
  note = '',
  actorName: string | null = null,
) {
  return proposeCard({ text: article, ...spanOf(quote), note, cardKind, actorName })
}
const proposed = (proposal: ReturnType<typeof proposeCard>) => {
  expect(proposal.card).toEqual(proposal.drafts[proposal.kind])
  return proposal.card
}

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

describe('proposeCardForHighlight', () => {
  const quote = 'They support the development of critical innovations such as encryption'
  const { start, end } = spanOf(quote)
  const highlight = (labelId: string, note = ''): Highlight => ({
    id: 'h1',
    documentId: 'europol-warns-about-e2ee',
    labelId,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end },
    },
    revisionId: 'r1',
    status: 'anchored',
    note,
    tags: [],
    createdAt: '2026-11-28T09:00:00.000Z',
    updatedAt: '2026-11-28T09:00:00.000Z',
  })
  const positions = {
    topic: 'end-to-end encryption',
    actors: [{ id: 'europol', name: 'Europol', kind: 'body' as const, role: '' }],
    positions: [
      {
        id: 'p1',
        actorId: 'europol',
        stance: 'mixed' as const,
        summary: 'Encryption, but with access.',
        evidence: ['h1'],
        createdAt: '2026-11-28T09:00:00.000Z',
        updatedAt: '2026-11-28T09:00:00.000Z',
      },
    ],
  }

  it('follows the colour’s card kind and names the actor whose position cites the highlight', () => {
    const proposal = proposeCardForHighlight(
      highlight('key-position'),
      article,
      defaultHighlightLabels,
      positions,
    )
    expect(proposal.kind).toBe('position-question')
    expect(proposed(proposal)).toMatchObject({ front: 'What does Europol want?', back: quote })
  })

  it('follows a card kind the reader gave the colour', () => {
    const labels = defaultHighlightLabels.map((label) =>
      label.id === 'key-position' ? { ...label, cardKind: 'term-definition' as const } : label,
    )
    expect(proposeCardForHighlight(highlight('key-position'), article, labels, null).kind).toBe(
      'term-definition',
    )
  })

  it('uses the note and falls back to the extractor’s speaker without positions', () => {
    expect(
      proposed(
        proposeCardForHighlight(highlight('key-position'), article, defaultHighlightLabels, null),
      ),
    ).toMatchObject({ front: 'What do the police chiefs want?' })
    expect(
      proposed(
        proposeCardForHighlight(
          highlight('question', 'Which innovations?'),
          article,
          defaultHighlightLabels,
          null,
        ),
      ),
    ).toMatchObject({ front: 'Which innovations?' })
  })
})
