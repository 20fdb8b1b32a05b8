import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { parseHtml } from '../../../../../src/main/importing/html/parse-html'

/** A real saved page of the benchmark (bench/pages/README.md), as its text. */
const realPage = (name: string) =>
  gunzipSync(
    readFileSync(resolve(__dirname, '../../../../../bench/pages', `${name}.html.gz`)),
  ).toString('utf8')

/** The blocks of text a reader sees as one unit each; a leaf holds none of the others. */
const blockTags = 'p, pre, h1, h2, h3, h4, h5, h6, li, td, th, dt, dd, figcaption, blockquote'

/**
 * Each innermost block's text, to look for in Lectern's: white space is ignored (Lectern keeps a
 * code block's line breaks and joins blocks with blank lines), and so is a footnote's "↩", the
 * link back to where it was cited (Lectern keeps the footnote as a footnote, not its back-link).
 */
function blockTextsOf(root: Element): string[] {
  return [...root.querySelectorAll(blockTags)]
    .filter((element) => !element.querySelector(blockTags))
    .map((element) => squash(element.textContent ?? '').replaceAll('↩', ''))
    .filter((text) => text.length > 0)
}

function squash(text: string): string {
  return text.replace(/\s+/g, '')
}

describe('parseHtml keeps the text of real pages', () => {
  // The peer: the page as jsdom parses it (the HTML standard's parser) and Readability extracts.
  it.each(['rust-book-strings', 'rustdoc-book'])(
    'keeps every paragraph jsdom and Readability extract from %s',
    (name) => {
      const html = realPage(name)
      const parsed = parseHtml(html, `${name}.html`)
      const ours = squash(parsed.content.text)
      const { document } = new JSDOM(html).window
      const extracted = new Readability<Element>(document, {
        serializer: (node) => node as Element,
      }).parse()
      const theirs = blockTextsOf(extracted!.content!)
      expect(theirs.length).toBeGreaterThan(100)
      expect(theirs.filter((text) => !ours.includes(text))).toEqual([])
      // Nothing added beside them: the words kept are the extracted ones, within a few percent.
      expect(ours.length / squash(extracted!.textContent!).length).toBeCloseTo(1, 1)
      // And the same description of the page: its lead, author and site.
      expect([parsed.lead, parsed.author, parsed.siteName]).toEqual([
        extracted!.excerpt?.replace(/\s+/g, ' ').trim() || undefined,
        extracted!.byline?.replace(/\s+/g, ' ').trim() || undefined,
        extracted!.siteName ?? null,
      ])
    },
    60_000,
  )

  // Before: "root node is forbidden and cannot be sanitized in-place", after 11.7 s.
  it('reads the 1.88 MB Rust book, whose content is in one <main>, with every paragraph of it', () => {
    const html = realPage('rust-book-print')
    const parsed = parseHtml(html, 'rust-book-print.html')
    expect(parsed.title).toBe('The Rust Programming Language')
    const ours = squash(parsed.content.text)
    const main = new JSDOM(html).window.document.querySelector('main')!
    // Its buttons ("Copy to clipboard") are controls, not text: Lectern drops them.
    for (const button of main.querySelectorAll('button')) button.remove()
    const theirs = blockTextsOf(main)
    expect(theirs.length).toBeGreaterThan(5_000)
    expect(theirs.filter((text) => !ours.includes(text))).toEqual([])
  }, 120_000)
})
