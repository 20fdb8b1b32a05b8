import { describe as group, expect, it } from 'vitest'
import { anchor, describe } from '../../../../../src/shared/domain/anchoring'
import { generateProse, randomInt, seededRandom } from '../../../../support/generated-text'

/** Real-length text: about 20,000 characters (a long article). */
const textLength = 20_000
const cases = 400

/** Applies one random edit (insert, delete or replace a few characters) inside `[from, to)`. */
function editInside(
  random: () => number,
  text: string,
  from: number,
  to: number,
): { text: string; delta: number } {
  const at = randomInt(random, from, Math.max(from, to - 1))
  const kind = random()
  const inserted = generateProse(random, randomInt(random, 1, 3))
  if (kind < 0.34)
    return { text: text.slice(0, at) + inserted + text.slice(at), delta: inserted.length }
  const removed = Math.min(randomInt(random, 1, 3), to - at)
  if (kind < 0.67) return { text: text.slice(0, at) + text.slice(at + removed), delta: -removed }
  return {
    text: text.slice(0, at) + inserted + text.slice(at + removed),
    delta: inserted.length - removed,
  }
}

function pickQuote(random: () => number, text: string, minLength = 30, maxLength = 200) {
  const length = randomInt(random, minLength, maxLength)
  const start = randomInt(random, 100, text.length - length - 100)
  return { start, end: start + length }
}

group('anchor', () => {
  it('finds the exact span in unchanged text, by position', () => {
    const random = seededRandom(1)
    for (let i = 0; i < cases; i++) {
      const text = generateProse(random, 5_000)
      const { start, end } = pickQuote(random, text, 1, 300)
      expect(anchor(text, describe(text, start, end))).toEqual({
        start,
        end,
        score: 1,
        method: 'position',
      })
    }
  })

  it('finds the exact span after edits outside the quote', () => {
    const random = seededRandom(2)
    for (let i = 0; i < cases; i++) {
      let text = generateProse(random, textLength)
      let { start, end } = pickQuote(random, text)
      const selectors = describe(text, start, end)
      for (let edit = 0; edit < 20; edit++) {
        if (random() < 0.5) {
          const { text: edited, delta } = editInside(random, text, 0, start - 40)
          text = edited
          start += delta
          end += delta
        } else text = editInside(random, text, end + 40, text.length).text
      }
      const found = anchor(text, selectors)
      expect(found && [found.start, found.end]).toEqual([start, end])
    }
  })

  it('finds a quote edited by up to 10% within ±10 characters in at least 99% of cases', () => {
    const random = seededRandom(3)
    let close = 0
    for (let i = 0; i < cases; i++) {
      let text = generateProse(random, textLength)
      const { start, end: originalEnd } = pickQuote(random, text)
      let end = originalEnd
      const selectors = describe(text, start, end)
      const edits = Math.max(1, Math.floor(((end - start) * 0.1) / 2))
      for (let edit = 0; edit < edits; edit++) {
        const { text: edited, delta } = editInside(random, text, start + 1, end - 1)
        text = edited
        end += delta
      }
      const found = anchor(text, selectors)
      if (found && Math.abs(found.start - start) <= 10 && Math.abs(found.end - end) <= 10) close++
    }
    expect(close / cases).toBeGreaterThanOrEqual(0.99)
  })

  it('returns null for a deleted or rewritten quote in at least 99.5% of cases', () => {
    const random = seededRandom(4)
    let gone = 0
    for (let i = 0; i < cases; i++) {
      const text = generateProse(random, textLength)
      const { start, end } = pickQuote(random, text)
      const selectors = describe(text, start, end)
      const replacement = i % 2 === 0 ? '' : generateProse(random, end - start)
      const changed = text.slice(0, start) + replacement + text.slice(end)
      if (anchor(changed, selectors) === null) gone++
    }
    expect(gone / cases).toBeGreaterThanOrEqual(0.995)
  })

  it('chooses among repeats of a quote by context and distance', () => {
    const text =
      'Europol warns. The police chiefs agree. Meta disagrees. The police chiefs agree. End.'
    const second = text.lastIndexOf('The police chiefs agree.')
    const selectors = describe(text, second, second + 'The police chiefs agree.'.length)
    const shifted = `Intro. ${text}`
    expect(anchor(shifted, selectors)).toMatchObject({ start: second + 7, method: 'quote' })
  })

  it('does not move a short quote to a chance repeat without its context', () => {
    const text =
      'The minister wants a right to encryption in law. Europol calls for lawful access instead.'
    const at = text.indexOf('law.')
    const selectors = describe(text, at, at + 3)
    const rewritten = 'Europol calls for lawful access. The ministry has not commented on this.'
    expect(anchor(rewritten, selectors)).toBeNull()
  })

  it('handles emoji, combining marks and CJK before and inside the quote', () => {
    const random = seededRandom(5)
    for (let i = 0; i < 100; i++) {
      const filler = generateProse(random, 3_000)
      const quote = `Die Straße 🚓 e\u0301t\u00e9 警察が暗号化に 🔐 warns ${i}`
      const text = `🙂 ${filler.slice(0, 1500)}中文 👩‍👩‍👧 ${quote} ${filler.slice(1500)}`
      const start = text.indexOf(quote)
      const selectors = describe(text, start, start + quote.length)
      const edited = `🙂🙂 x${text.replace('中文', '中文字')}`.replace('暗号化', '暗号')
      const found = anchor(edited, selectors)
      const expectedStart = edited.indexOf(`Die Straße`)
      expect(found && Math.abs(found.start - expectedStart)).toBeLessThanOrEqual(2)
    }
  })

  it('gives the same result on every run', () => {
    const random = seededRandom(6)
    const text = generateProse(random, textLength)
    const selectors = describe(text, 5000, 5080)
    const changed = text.slice(0, 5010) + 'XYZ' + text.slice(5013)
    expect(anchor(changed, selectors)).toEqual(anchor(changed, selectors))
  })

  it('refuses to describe an empty or out-of-range passage', () => {
    expect(() => describe('abc', 1, 1)).toThrow(RangeError)
    expect(() => describe('abc', 2, 9)).toThrow(RangeError)
  })
})
