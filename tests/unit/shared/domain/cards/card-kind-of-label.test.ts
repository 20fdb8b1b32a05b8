import { describe, expect, it } from 'vitest'
import { cardKindOfLabel } from '../../../../../src/shared/domain/cards/card-kind-of-label'

describe('cardKindOfLabel', () => {
  it('gives each built-in colour of a library from before card kinds its meaning’s card', () => {
    const old = (id: string) => ({ id, name: 'Renamed', color: '#123456' })
    expect(cardKindOfLabel(old('definition'))).toBe('term-definition')
    expect(cardKindOfLabel(old('key-position'))).toBe('position-question')
    expect(cardKindOfLabel(old('question'))).toBe('question')
    expect(cardKindOfLabel(old('evidence'))).toBe('cloze')
  })

  it('follows the card kind the reader chose', () => {
    expect(
      cardKindOfLabel({
        id: 'definition',
        name: 'Definition',
        color: '#e78fcf',
        cardKind: 'cloze',
      }),
    ).toBe('cloze')
    expect(
      cardKindOfLabel({ id: 'mine', name: 'Mine', color: '#e78fcf', cardKind: 'question' }),
    ).toBe('question')
  })

  it('proposes a cloze for a colour of the reader’s own, or an unknown one', () => {
    expect(cardKindOfLabel({ id: 'mine', name: 'Mine', color: '#000000' })).toBe('cloze')
    expect(cardKindOfLabel(undefined)).toBe('cloze')
  })
})
