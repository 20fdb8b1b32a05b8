import { Readability } from '@mozilla/readability'
import { guessLanguage, normaliseLanguageTag, primaryLanguageOf } from '../guess-language'
import { blocksOfHtml } from './blocks-of-html'
import { confineToModel } from './confine-to-model'
import { descendantsNamed, firstDescendantNamed } from './descendants-named'
import { flattenDeepMarkup } from './flatten-deep-markup'
import { parsePageDocument } from './page-document'
import { pruneUnreadable } from './prune-unreadable'
import { assembleText } from '../plain-text/assemble-text'
import { titleFromFileName, type ParsedText } from '../plain-text/parse-plain-text'

/** Pages longer than this (characters of HTML) skip Readability when they mark their article. */
const longPageLength = 300_000

/**
 * Pages nested deeper than this skip Readability: its scoring time grows steeply with depth
 * (measured on a short page 64 and 256 levels deep: 1.5 s and 15 s under jsdom, 0.5 s and 1.9 s
 * under LinkeDOM), and real articles nest far less (start tags whose end is optional, such as
 * `<p>` and `<li>`, are not counted).
 */
const maxScoredDepth = 64

/** The page's single `<article>` (or else single `<main>`), if it has exactly one. */
function onlyArticleOf(document: Document): Element | null {
  for (const tag of ['article', 'main']) {
    const found = document.getElementsByTagName(tag)
    if (found.length === 1) return found.item(0)
  }
  return null
}

/** A web page as Lectern keeps it: its article and where it came from (always said). */
export type ParsedPage = ParsedText & Required<Pick<ParsedText, 'siteName' | 'url'>>

/**
 * Reads a saved web page: the page is parsed into a plain tree of nodes (LinkeDOM: no script
 * runs, nothing loads), Mozilla Readability extracts the article, what is no text to read
 * (scripts, styles, frames, drawings, form controls) is pruned, and the block walker keeps only
 * its text, as Lectern's own blocks and marks, confined to the store's model. Nothing active can
 * be stored: there is no markup in a document, only text, block kinds and https/mailto links.
 */
export function parseHtml(html: string, fileName: string): ParsedPage {
  // Nesting beyond what a page needs is flattened first: the parsers' time grows with depth.
  const flattened = flattenDeepMarkup(html, 'html')
  const document = parsePageDocument(flattened.markup)
  // What is needed of the page as it is, read before Readability rearranges it (no copy).
  const url = canonicalUrlOf(document)
  const documentTitle = clean_(titleOf(document))
  const authorMeta = metaContent(document, 'name', 'author')
  const heading = clean_(firstDescendantNamed(document.body, 'h1')?.textContent ?? '')
  const documentLanguage = document.documentElement.getAttribute('lang') ?? ''
  const fallback = document.body
  // The article comes back as an element, not HTML to parse again: one parse of the page in
  // all. A long page that marks its one article as such is taken at its word: Readability's
  // scoring costs most of a second on a megabyte. So is a deeply nested one, whose scoring costs
  // seconds per level beyond a few dozen.
  const isDeep = flattened.depth > maxScoredDepth
  const marked =
    html.length > longPageLength || isDeep
      ? (onlyArticleOf(document) ?? (isDeep ? fallback : null))
      : null
  const article = marked
    ? { content: marked, title: '', lang: '', excerpt: '', siteName: null, byline: null }
    : new Readability<Element>(document, {
        serializer: (node) => node as Element,
        // Its pass stripping class attributes costs a twentieth of the parse; none is stored.
        keepClasses: true,
      }).parse()
  const root = (article?.content ?? fallback) as Element | null
  if (root) pruneUnreadable(root)
  const blocks = root ? blocksOfHtml(root) : []
  const pageTitle =
    clean_(article?.title ?? '') || documentTitle || (titleFromFileName(fileName) ?? 'Untitled')
  // "Herons of the river | Field Notes": the article's own heading is the better title.
  const title = heading && pageTitle.startsWith(heading) ? heading : pageTitle
  const body = blocks[0]?.kind === 'heading' && blocks[0].text === title ? blocks.slice(1) : blocks
  const content = confineToModel(assembleText([{ kind: 'title', text: title }, ...body]))
  // A declared language that is no tag ("x", "english") gives way to the guessed one.
  const declared =
    normaliseLanguageTag(article?.lang ?? '') ?? normaliseLanguageTag(documentLanguage)
  const language = (declared && primaryLanguageOf(declared)) || guessLanguage(content.text) || 'und'
  const byline = clean_(article?.byline ?? '') || clean_(authorMeta)
  return {
    title,
    ...(article?.excerpt && article.excerpt.length < 400 ? { lead: clean_(article.excerpt) } : {}),
    ...(byline ? { author: byline } : {}),
    language,
    content,
    wordCount: (content.text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length,
    siteName: article?.siteName ?? null,
    url: url && /^https?:\/\//.test(url) ? url : null,
  }
}

/** The page's own address: its canonical link, else its Open Graph URL. */
function canonicalUrlOf(document: Document): string | null {
  for (const link of descendantsNamed(document, 'link'))
    if (/(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? ''))
      return link.getAttribute('href')
  return metaContent(document, 'property', 'og:url') || null
}

/** The content of the first `<meta>` whose `attribute` names `value` (case-insensitively). */
function metaContent(document: Document, attribute: string, value: string): string {
  for (const meta of descendantsNamed(document, 'meta'))
    if (meta.getAttribute(attribute)?.toLowerCase() === value)
      return meta.getAttribute('content') ?? ''
  return ''
}

/** The page's `<title>`: the first one outside drawings (an SVG icon's `<title>` names the icon). */
function titleOf(document: Document): string {
  for (const title of descendantsNamed(document, 'title')) {
    let isInDrawing = false
    for (let parent = title.parentElement; parent && !isInDrawing; parent = parent.parentElement)
      isInDrawing = parent.localName === 'svg' || parent.localName === 'math'
    if (!isInDrawing) return title.textContent ?? ''
  }
  return ''
}

function clean_(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
