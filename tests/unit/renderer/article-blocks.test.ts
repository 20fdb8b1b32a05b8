import { describe, expect, it } from 'vitest'
import type { Segment } from '../../../src/shared/model'
import { groupPlainBlocks, plainBlockElements } from '../../../src/renderer/src/lib/article-blocks'
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
    const elements = plainBlockElements(document, run.blocks, text)
    expect(elements.map((e) => e.outerHTML)).toEqual([
      '<p class="lead" data-segment-index="1">Lead</p>',
      '<h2 data-segment-index="2">Head</h2>',
      '<p data-segment-index="3" lang="de">Para&lt;b&gt;</p>',
      '<blockquote data-segment-index="4">Quote</blockquote>',
      '<p class="list-item" data-segment-index="5">Item</p>',
    ])
  })
})
