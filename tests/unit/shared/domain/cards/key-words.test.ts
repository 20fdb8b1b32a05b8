import { describe, expect, it } from 'vitest'
import { findKeyWords, isContentWord } from '../../../../../src/shared/domain/cards/key-words'

const hidden = (passage: string) =>
  findKeyWords(passage).map(({ start, end }) => passage.slice(start, end))

describe('findKeyWords', () => {
  it('prefers names and numbers, then the longest content words, in reading order', () => {
    expect(
      hidden(
        'The police leaders of the European member states met in London on April 18 at the invitation of the National Crime Agency.',
      ),
    ).toEqual(['European', 'April 18', 'National Crime Agency'])
  })

  it('hides one word in a short sentence and at most three in a long one', () => {
    expect(hidden('Absolutism is not useful on either side.')).toEqual(['Absolutism'])
    expect(
      hidden(
        'They support the development of critical innovations such as encryption as a measure to strengthen the cyber security and privacy of citizens.',
      ),
    ).toHaveLength(3)
  })

  it('takes a number even when it is short', () => {
    expect(hidden('They met on April 18.')).toEqual(['April 18'])
    expect(hidden('it was read by 4 of them')).toEqual(['4'])
  })

  it('keeps a possessive ending visible and hides the same word only once', () => {
    expect(hidden("about Meta's plans")).toEqual(['Meta'])
    expect(
      hidden(
        'encryption, more encryption, encryption everywhere, encryption always, and encryption',
      ),
    ).toEqual(['encryption'])
  })

  it('passes over function words and the verb that only says who spoke', () => {
    expect(hidden('and so it was, as they said, warns')).toEqual([])
    expect(isContentWord('warns')).toBe(false)
    expect(isContentWord('encryption')).toBe(true)
  })

  it('does not take a capital that only opens the sentence for a name', () => {
    expect(hidden('Governments must act, warns Europol.')).toEqual(['Governments'])
    expect(
      hidden(
        'Governments and industry must act against encryption to protect safety, warns Europol.',
      ),
    ).toEqual(['Governments', 'Europol'])
  })
})
