import { describe, expect, it } from 'vitest'
import { KeptMap } from '../../../../src/main/search/kept-map'

/** Rows 0…2 of a kept file: keys 10, 20, 30 with values 'a', 'b', 'c'. */
function keptMap(): { map: KeptMap<number, string>; made: number[] } {
  const made: number[] = []
  const map = new KeptMap<number, string>({
    count: 3,
    rowOf: (key) => (key % 10 === 0 && key >= 10 && key <= 30 ? key / 10 - 1 : -1),
    keyOf: (row) => (row + 1) * 10,
    valueOf: (row) => {
      made.push(row)
      return 'abc'[row]!
    },
  })
  return { map, made }
}

describe('KeptMap', () => {
  it('reads a kept file’s rows as a Map, making each value once and only when asked', () => {
    const { map, made } = keptMap()
    expect(made).toEqual([])
    expect(map.get(20)).toBe('b')
    expect(map.get(20)).toBe('b')
    expect(made).toEqual([1])
    expect(map.has(30)).toBe(true)
    expect(map.has(40)).toBe(false)
    expect(map.size).toBe(3)
    expect([...map]).toEqual([
      [10, 'a'],
      [20, 'b'],
      [30, 'c'],
    ])
  })

  it('takes new entries beside the kept ones and forgets deleted ones for good', () => {
    const { map } = keptMap()
    map.set(41, 'd')
    expect(map.delete(20)).toBe(true)
    expect(map.delete(20)).toBe(false)
    expect(map.get(20)).toBeUndefined()
    expect(map.delete(41)).toBe(true)
    map.set(50, 'e')
    expect(map.size).toBe(3)
    expect([...map.keys()]).toEqual([10, 30, 50])
    expect([...map.values()]).toEqual(['a', 'c', 'e'])
    const seen: string[] = []
    map.forEach((value, key) => seen.push(`${key}=${value}`))
    expect(seen).toEqual(['10=a', '30=c', '50=e'])
    map.clear()
    expect(map.size).toBe(0)
    expect(map.get(10)).toBeUndefined()
  })
})
