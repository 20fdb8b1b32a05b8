import { describe, expect, it } from 'vitest'
import { countOf, formatBytes, formatInterval } from '../../../src/renderer/src/lib/format'

describe('format', () => {
  it('counts with the right number of the noun', () => {
    expect(countOf(0, 'review')).toBe('0 reviews')
    expect(countOf(1, 'document')).toBe('1 document')
    expect(countOf(14, 'card')).toBe('14 cards')
  })

  it('says sizes and intervals briefly', () => {
    expect(formatBytes(2048)).toMatch(/2(\.0)? ?KB/i)
    expect(formatInterval(1)).toMatch(/1/)
  })
})
