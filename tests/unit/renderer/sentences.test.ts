import { describe, expect, it } from 'vitest'
import { nextSentence } from '../../../src/renderer/src/lib/sentences'

const text = 'Title\n\nFirst sentence here. Second one follows! Third?\n\nNext block starts.'

describe('nextSentence', () => {
  it('finds the sentence that starts at or after an offset, without trailing space', () => {
    expect(nextSentence(text, 0)).toEqual({ start: 0, end: 5 })
    const second = text.indexOf('Second')
    const found = nextSentence(text, text.indexOf('sentence'))
    expect(found).toEqual({ start: second, end: second + 'Second one follows!'.length })
  })

  it('continues into the next block and ends with null', () => {
    const next = text.indexOf('Next')
    expect(nextSentence(text, text.indexOf('Third') + 1)).toEqual({ start: next, end: text.length })
    expect(nextSentence(text, text.length)).toBeNull()
  })
})
