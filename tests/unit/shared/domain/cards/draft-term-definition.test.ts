import { describe, expect, it } from 'vitest'
import { draftTermDefinition } from '../../../../../src/shared/domain/cards/draft-term-definition'
import { article, spanOf } from './bundled-article'

function draft(quote: string, note = '', text = article) {
  const { start, end } = spanOf(quote, text)
  return draftTermDefinition(text, start, end, note)
}

describe('draftTermDefinition', () => {
  it('splits a highlight at "is": the term in front, the definition behind', () => {
    expect(draft('Absolutism is not useful on either side.')).toEqual({
      kind: 'basic',
      front: 'Absolutism',
      back: 'not useful on either side.',
      isReversible: false,
    })
    expect(draft('MEPs are also against mass surveillance')).toMatchObject({
      front: 'MEPs',
      back: 'also against mass surveillance',
    })
  })

  it('splits at "means", "stands for", a colon and a dash too', () => {
    const text =
      'Intro.\n\nE2EE means end-to-end encryption. BSI stands for the Federal Office for Information Security. Security-by-design: safety built in from the start. Absolutism — taking one side only.'
    expect(draft('E2EE means end-to-end encryption.', '', text)).toMatchObject({
      front: 'E2EE',
      back: 'end-to-end encryption.',
    })
    expect(
      draft('BSI stands for the Federal Office for Information Security.', '', text),
    ).toMatchObject({
      front: 'BSI',
    })
    expect(draft('Security-by-design: safety built in from the start.', '', text)).toMatchObject({
      front: 'Security-by-design',
      back: 'safety built in from the start.',
    })
    expect(draft('Absolutism — taking one side only.', '', text)).toMatchObject({
      front: 'Absolutism',
      back: 'taking one side only.',
    })
  })

  it('takes a short highlight as the term and the note as its definition', () => {
    expect(draft('security-by-design', 'Safety designed into a product from the start.')).toEqual({
      kind: 'basic',
      front: 'security-by-design',
      back: 'Safety designed into a product from the start.',
      isReversible: false,
    })
  })

  it('keeps the reader’s note with a definition found in the highlight', () => {
    expect(draft('Absolutism is not useful on either side.', 'Said of both camps.')).toMatchObject({
      front: 'Absolutism',
      back: 'not useful on either side.\n\nSaid of both camps.',
    })
  })

  it('answers a term without a note with its sentence, so the reader sees where it stood', () => {
    expect(draft('security-by-design')).toMatchObject({
      front: 'security-by-design',
      back: expect.stringContaining('We call on the tech industry to implement security-by-design'),
    })
  })

  it('reads "<term> is …" after a highlighted term in its sentence', () => {
    const text = 'Intro.\n\nSecurity-by-design is building safety in from the start. More.'
    expect(draft('Security-by-design', '', text)).toMatchObject({
      front: 'Security-by-design',
      back: 'building safety in from the start.',
    })
  })

  it('takes the first noun phrase of a passage without a defining word as the term', () => {
    expect(
      draft(
        'Privacy protection measures such as end-to-end encryption will be rolled out, preventing tech companies from seeing breaches on their platforms.',
      ),
    ).toMatchObject({ front: 'Privacy protection measures' })
    expect(
      draft(
        'In his role as Federal Digital Minister, Volker Wissing even wants to enshrine the right to encryption in law.',
      ),
    ).toMatchObject({ front: 'Volker Wissing' })
    expect(
      draft(
        'The police leaders of the European member states met in London on April 18 at the invitation of the National Crime Agency.',
      ),
    ).toMatchObject({
      front: 'police leaders',
      back: expect.stringContaining('met in London on April 18'),
    })
  })
})
