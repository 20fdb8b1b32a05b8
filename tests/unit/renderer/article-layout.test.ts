import { describe, expect, it } from 'vitest'
import type { Segment } from '../../../src/shared/model'
import { layoutSegments } from '../../../src/renderer/src/lib/article-layout'

const segment = (kind: Segment['kind']): Segment => ({ kind, start: 0, end: 0 })

describe('layoutSegments', () => {
  it('groups alt text, caption and credit into one figure between blocks', () => {
    const items = layoutSegments(
      ['title', 'lead', 'figure-alt', 'figure-caption', 'figure-credit', 'paragraph'].map((k) =>
        segment(k as Segment['kind']),
      ),
    )
    expect(items.map((item) => item.type)).toEqual(['block', 'block', 'figure', 'block'])
    const figure = items[2]
    expect(
      figure?.type === 'figure' && [figure.alt?.index, figure.caption?.index, figure.credit?.index],
    ).toEqual([2, 3, 4])
  })

  it('starts a new figure when a part repeats', () => {
    const items = layoutSegments(
      ['figure-caption', 'figure-caption'].map((k) => segment(k as Segment['kind'])),
    )
    expect(items).toHaveLength(2)
  })
})
