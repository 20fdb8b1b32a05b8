import { describe, expect, it } from 'vitest'
import type { Segment } from '../../../src/shared/model'
import {
  chunkBlocks,
  chunkElements,
  groupPlainBlocks,
} from '../../../src/renderer/src/lib/article-blocks'
import { blockElements } from '../../../src/renderer/src/lib/block-elements'
import { MarkIndex } from '../../../src/renderer/src/lib/inline-marks'
import { layoutSegments } from '../../../src/renderer/src/lib/article-layout'

const text = 'TitleLeadHeadPara<b>QuoteItemAltCapCreditTag'
const at = (kind: Segment['kind'], word: string, lang?: string): Segment => {
  const start = text.indexOf(word)
  return { kind, start, end: start + word.length, ...(lang ? { lang } : {}) }
}
const segments: Segment[] = [
  at('title', 'Title'),
  at('lead', 'Lead'),
  at('heading', 'Head'),
  at('paragraph', 'Para<b>', 'de'),
  at('quote', 'Quote'),
  at('list-item', 'Item'),
  at('figure-alt', 'Alt'),
  at('figure-caption', 'Cap'),
  at('figure-credit', 'Credit'),
  at('paragraph', 'Para<b>'),
  at('author-tag', 'Tag'),
]

describe('plain blocks of an article', () => {
  it('are grouped in runs between the title, figures and the author tag', () => {
    const groups = groupPlainBlocks(layoutSegments(segments))
    expect(
      groups.map((g) => (g.type === 'run' ? `run ${g.blocks.map((b) => b.index)}` : g.type)),
    ).toEqual(['block', 'run 1,2,3,4,5', 'figure', 'run 9', 'block'])
  })

  it('become elements with their kind, segment index, language and text (never markup)', () => {
    const [, run] = groupPlainBlocks(layoutSegments(segments))
    if (run?.type !== 'run') throw new Error('expected a run')
    const elements = blockElements(document, run.blocks, text, new MarkIndex([]))
    expect(elements.map((e) => e.outerHTML)).toEqual([
      '<p data-segment-index="1" class="lead">Lead</p>',
      '<h2 data-segment-index="2" data-level="2">Head</h2>',
      '<p data-segment-index="3" lang="de">Para&lt;b&gt;</p>',
      '<blockquote data-segment-index="4">Quote</blockquote>',
      '<ul class="list"><li data-segment-index="5" data-marker="•">Item</li></ul>',
    ])
  })
})

describe('chunks of a run', () => {
  const block = (index: number, length: number) => ({
    index,
    segment: { kind: 'paragraph' as const, start: 0, end: length },
  })

  it('hold about a screen of text each; a longer block is a chunk alone', () => {
    const blocks = [block(0, 1500), block(1, 1500), block(2, 1500), block(3, 9000), block(4, 10)]
    expect(chunkBlocks(blocks, 4000).map((chunk) => chunk.map((b) => b.index))).toEqual([
      [0, 1],
      [2],
      [3],
      [4],
    ])
  })

  it('become elements that estimate their height until laid out', () => {
    const text = 'x'.repeat(700)
    const [chunk] = chunkElements(document, [block(0, 680), block(1, 20)], text)
    expect(chunk?.className).toBe('chunk')
    expect(chunk?.style.getPropertyValue('contain-intrinsic-block-size')).toBe('auto 13lh')
    expect([...(chunk?.children ?? [])].map((e) => e.getAttribute('data-segment-index'))).toEqual([
      '0',
      '1',
    ])
  })
})
