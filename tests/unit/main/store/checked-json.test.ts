import { describe, expect, it } from 'vitest'
import { CheckedJson } from '../../../../src/main/store/checked-json'
import { annotationsKind } from '../../../../src/main/store/file-kinds'
import type { AnnotationsFile } from '../../../../src/main/store/schema'

const highlight = (i: number) => ({
  id: `h${i}`,
  documentId: 'doc',
  labelId: 'evidence',
  selectors: {
    quote: { type: 'TextQuoteSelector' as const, exact: `words ${i}`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector' as const, start: i * 10, end: i * 10 + 5 },
  },
  revisionId: 'r1',
  status: 'anchored' as const,
  note: '',
  tags: [] as string[],
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
})

const file = (count: number): AnnotationsFile => ({
  schemaVersion: 3,
  documentId: 'doc',
  highlights: Array.from({ length: count }, (_, i) => highlight(i)),
})

describe('checking a save against the schema that reads the file', () => {
  const checker = () => new CheckedJson(annotationsKind.schema, annotationsKind.records)

  it('gives the content as the schema reads it, and its JSON', () => {
    const value = file(3)
    value.highlights[1] = { ...highlight(1), tags: ['  Police  '] }
    const checked = checker().check(value, file(0))
    if ('where' in checked) throw new Error(checked.message)
    const expected = annotationsKind.schema.parse(value)
    expect(checked.data).toEqual(expected)
    expect(JSON.parse(checked.json())).toEqual(expected)
    expect(checked.data.highlights[1]?.tags).toEqual(['police'])
  })

  it('refuses a changed record that no longer fits, even among a thousand known ones', () => {
    const known = checker()
    const current = file(1000)
    const first = known.check(current, current)
    if ('where' in first) throw new Error(first.message)
    known.acknowledge()
    const next = structuredClone(current)
    next.highlights[500] = { ...highlight(500), tags: ['x'.repeat(41)] }
    const refused = known.check(next, current)
    expect(refused).toMatchObject({ where: 'highlights.500.tags.0' })
  })

  it('refuses a field outside the records that does not fit', () => {
    const refused = checker().check({ ...file(2), schemaVersion: 9 as 3 }, file(2))
    expect(refused).toMatchObject({ where: 'schemaVersion' })
  })
})
