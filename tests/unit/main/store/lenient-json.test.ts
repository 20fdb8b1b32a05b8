import { describe, expect, it } from 'vitest'
import { parseLeniently } from '../../../../src/main/store/lenient-json'

describe('parseLeniently', () => {
  it('reads valid JSON exactly as JSON.parse does', () => {
    const value = { a: [1, 2, { b: 'x,]}' }], c: null, d: true, e: -1.5e3 }
    expect(parseLeniently(JSON.stringify(value))).toEqual({ value, dropped: 0 })
  })

  it('accepts a trailing comma added by hand', () => {
    expect(parseLeniently('{"documents": [{"id": "a"}, {"id": "b"},], }')).toEqual({
      value: { documents: [{ id: 'a' }, { id: 'b' }] },
      dropped: 0,
    })
  })

  it('drops only the record a damaged byte broke, keeping its neighbours', () => {
    const records = Array.from({ length: 12 }, (_, i) => ({ id: `h${i}`, note: `note ${i}` }))
    const text = JSON.stringify({ highlights: records })
    const at = text.indexOf('"h5"') + 2
    const damaged = `${text.slice(0, at)}\u0001${text.slice(at + 1)}`
    const parsed = parseLeniently(damaged)
    // The damaged member is left out; the record without it then fails its schema on its own.
    const kept = (parsed?.value as { highlights: { id?: string; note: string }[] }).highlights
    expect(kept.filter((h) => h.id).map((h) => h.id)).toHaveLength(11)
    expect(kept.find((h) => h.note === 'note 5')?.id).toBeUndefined()
    expect(parsed?.dropped).toBe(1)
  })

  it('keeps what was read before a cut-off end', () => {
    const text = JSON.stringify({ entries: [{ n: 1 }, { n: 2 }, { n: 3 }] })
    const parsed = parseLeniently(text.slice(0, text.indexOf('{"n":3') + 3))
    expect((parsed?.value as { entries: unknown[] }).entries.slice(0, 2)).toEqual([
      { n: 1 },
      { n: 2 },
    ])
  })

  it('gives up on text that is not an object at all', () => {
    expect(parseLeniently('garbage')).toBeNull()
    expect(parseLeniently('[1,2]')).toBeNull()
  })

  it('never sets a prototype from a damaged file', () => {
    const parsed = parseLeniently('{"__proto__": {"polluted": true}, "a": 1}')
    expect(parsed?.value).toEqual({ a: 1 })
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('stops descending into absurdly deep nesting instead of overflowing the stack', () => {
    const deep = `{"a":${'['.repeat(100_000)}`
    expect(() => parseLeniently(deep)).not.toThrow()
  })
})
