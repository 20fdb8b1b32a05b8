import { Readability } from '@mozilla/readability'
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import { guessLanguage, normaliseLanguageTag, primaryLanguageOf } from '../guess-language'
import { blocksOfHtml } from './blocks-of-html'
import { flattenDeepMarkup } from './flatten-deep-markup'
import { assembleText } from '../plain-text/assemble-text'
import { titleFromFileName, type ParsedText } from '../plain-text/parse-plain-text'

/** What survives sanitising: structure to read, nothing that runs, loads or submits. */
const allowedTags = [
  'article',
  'section',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'figure',
  'figcaption',
  'img',
  'pre',
  'code',
  'em',
  'strong',
  'b',
  'i',
  'a',
  'span',
  'br',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
]

/** Pages longer than this (characters of HTML) skip Readability when they mark their article. */
const longPageLength = 300_000

/**
 * Pages nested deeper than this skip Readability: its scoring time grows steeply with depth
 * (measured: 1.5 s for a short page 64 levels deep, 15 s at 256 levels), and real articles nest
 * far less (start tags whose end is optional, such as `<p>` and `<li>`, are not counted).
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

/** A web page as Lectern keeps it: its article and where it came from. */
export interface ParsedPage extends ParsedText {
  readonly siteName: string | null
  readonly url: string | null
}

/**
 * Reads a saved web page: the page is parsed without running scripts or loading anything
 * (jsdom's defaults), Mozilla Readability extracts the article, DOMPurify sanitises it with
 * Lectern's allow-list, and only its text is kept, as blocks. Nothing active can be stored.
 */
export function parseHtml(html: string, fileName: string): ParsedPage {
  // Nesting beyond what a page needs is flattened first: the parsers' time grows with depth.
  const flattened = flattenDeepMarkup(html, 'html')
  const dom = new JSDOM(flattened.markup, { url: 'https://lectern.invalid/' })
  const document = dom.window.document
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    null
  // What is needed of the page as it is, read before Readability rearranges it (no copy).
  const documentTitle = document.title.trim()
  const authorMeta = document.querySelector('meta[name="author" i]')?.getAttribute('content') ?? ''
  const heading = clean_(document.querySelector('h1')?.textContent ?? '')
  const documentLanguage = document.documentElement.lang
  const fallback = document.body
  // The article comes back as an element, not HTML to parse again; it is sanitised in place,
  // in the same parsed page: one parse of the page in all. A long page that marks its one
  // article as such is taken at its word: Readability's scoring costs seconds on a megabyte.
  // So is a deeply nested one, whose scoring costs seconds per level beyond a few dozen.
  const isDeep = flattened.depth > maxScoredDepth
  const marked =
    html.length > longPageLength || isDeep
      ? (onlyArticleOf(document) ?? (isDeep ? fallback : null))
      : null
  const article = marked
    ? { content: marked, title: '', lang: '', excerpt: '', siteName: null, byline: null }
    : new Readability<Element>(document, { serializer: (node) => node as Element }).parse()
  const purify = createDOMPurify(dom.window as unknown as Window & typeof globalThis)
  const root = (article?.content ?? fallback) as Element | null
  if (root)
    purify.sanitize(root, {
      ALLOWED_TAGS: [...allowedTags, 'body'],
      ALLOWED_ATTR: ['alt', 'lang'],
      IN_PLACE: true,
    })
  const blocks = root ? blocksOfHtml(root) : []
  const pageTitle =
    clean_(article?.title ?? '') || documentTitle || (titleFromFileName(fileName) ?? 'Untitled')
  // "Herons of the river | Field Notes": the article's own heading is the better title.
  const title = heading && pageTitle.startsWith(heading) ? heading : pageTitle
  const body = blocks[0]?.kind === 'heading' && blocks[0].text === title ? blocks.slice(1) : blocks
  const content = assembleText([{ kind: 'title', text: title }, ...body])
  // A declared language that is no tag ("x", "english") gives way to the guessed one.
  const declared =
    normaliseLanguageTag(article?.lang ?? '') ?? normaliseLanguageTag(documentLanguage)
  const language = (declared && primaryLanguageOf(declared)) || guessLanguage(content.text) || 'und'
  dom.window.close()
  return {
    title,
    ...(article?.excerpt && article.excerpt.length < 400 ? { lead: clean_(article.excerpt) } : {}),
    ...(clean_(article?.byline ?? '') || clean_(authorMeta)
      ? { author: clean_(article?.byline ?? '') || clean_(authorMeta) }
      : {}),
    language,
    content,
    wordCount: (content.text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length,
    siteName: article?.siteName ?? null,
    url: url && /^https?:\/\//.test(url) ? url : null,
  }
}

function clean_(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
