import { describe, expect, it } from 'vitest'
import { footnoteTarget } from '../../../src/renderer/src/lib/footnote-target'
import type { Segment } from '../../../src/shared/model'

const note = (label: string, start: number): Segment => ({
  kind: 'footnote',
  footnote: label,
  start,
  end: start + 10,
})
const segments: Segment[] = [
  { kind: 'paragraph', start: 0, end: 50 },
  note('1', 60),
  { kind: 'heading', start: 80, end: 90 },
  { kind: 'paragraph', start: 100, end: 150 },
  note('1', 160),
  note('2', 180),
]

describe('the footnote a reference points to', () => {
  it('is the next footnote with its label: each chapter numbers its own', () => {
    expect(footnoteTarget(segments, '1', 10)).toBe(1)
    expect(footnoteTarget(segments, '1', 120)).toBe(4)
  })

  it('is the last one before when the notes come first', () => {
    expect(footnoteTarget(segments, '2', 190)).toBe(5)
  })

  it('is none when no footnote has the label', () => {
    expect(footnoteTarget(segments, '9', 0)).toBe(-1)
  })
})
