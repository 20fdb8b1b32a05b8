import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The bundled article's text, whose real sentences the card drafts are tested on. */
export const article = readFileSync(
  resolve(__dirname, '../../../../../resources/articles/europol-warns-about-e2ee.en.txt'),
  'utf8',
)

/** Where a quote of the article is: its first occurrence, as a highlight would hold it. */
export function spanOf(quote: string, text = article): { start: number; end: number } {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`Not in the text: ${quote}`)
  return { start, end: start + quote.length }
}
