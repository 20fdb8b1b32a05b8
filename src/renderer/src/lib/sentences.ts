const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/**
 * The first sentence that starts at or after `from`, as `[start, end)` without trailing space.
 * Sentences never cross a block boundary (a blank line in the text).
 */
export function nextSentence(text: string, from: number): { start: number; end: number } | null {
  for (const block of text.matchAll(/[^\n]+/g)) {
    const blockStart = block.index
    if (blockStart + block[0].length <= from) continue
    for (const sentence of sentenceSegmenter.segment(block[0])) {
      const start = blockStart + sentence.index
      if (start < from) continue
      const end = start + sentence.segment.trimEnd().length
      if (end > start) return { start, end }
    }
  }
  return null
}
