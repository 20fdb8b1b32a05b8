import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

describe('CodePointIndex', () => {
  it('counts a character outside the BMP as one code point', () => {
    const text = 'a😀b𝄞c'
    const index = new CodePointIndex(text)
    expect(index.toCodePoints(text.indexOf('b'))).toBe(2)
    expect(index.toCodePoints(text.indexOf('c'))).toBe(4)
    expect(index.toStringIndex(4)).toBe(text.indexOf('c'))
    expect(index.toCodePoints(text.length)).toBe([...text].length)
  })

  it('agrees with Array.from on any text, both ways', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const index = new CodePointIndex(text)
        const points = [...text]
        let offset = 0
        for (let cp = 0; cp <= points.length; cp++) {
          expect(index.toCodePoints(offset)).toBe(cp)
          expect(index.toStringIndex(cp)).toBe(offset)
          offset += points[cp]?.length ?? 0
        }
      }),
      { numRuns: 300 },
    )
  })
})
