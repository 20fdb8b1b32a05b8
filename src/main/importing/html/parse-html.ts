import { Readability } from '@mozilla/readability'
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import { guessLanguage } from '../guess-language'
import { assembleText, type Block } from '../plain-text/assemble-text'
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
  const dom = new JSDOM(html, { url: 'https://lectern.invalid/' })
  const document = dom.window.document
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    null
  const article = new Readability(document.cloneNode(true) as Document).parse()
  const purify = createDOMPurify(dom.window as unknown as Window & typeof globalThis)
  const clean = purify.sanitize(article?.content ?? document.body?.innerHTML ?? '', {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['alt', 'lang'],
  })
  const container = new JSDOM(`<body>${clean}</body>`).window.document.body
  const blocks = blocksOfHtml(container)
  const pageTitle =
    clean_(article?.title ?? '') ||
    document.title.trim() ||
    (titleFromFileName(fileName) ?? 'Untitled')
  // "Herons of the river | Field Notes": the article's own heading is the better title.
  const heading = clean_(document.querySelector('h1')?.textContent ?? '')
  const title = heading && pageTitle.startsWith(heading) ? heading : pageTitle
  const body = blocks[0]?.kind === 'heading' && blocks[0].text === title ? blocks.slice(1) : blocks
  const content = assembleText([{ kind: 'title', text: title }, ...body])
  const language =
    (article?.lang || document.documentElement.lang || '').split('-')[0] ||
    guessLanguage(content.text) ||
    'und'
  dom.window.close()
  return {
    title,
    ...(article?.excerpt && article.excerpt.length < 400 ? { lead: clean_(article.excerpt) } : {}),
    language,
    content,
    wordCount: (content.text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length,
    siteName: article?.siteName ?? null,
    url: url && /^https?:\/\//.test(url) ? url : null,
  }
}

/** Block elements become blocks; inline markup keeps only its text. Scripts and styles are skipped. */
export function blocksOfHtml(
  root: Element,
  assetOf: (src: string) => string | null = () => null,
): Block[] {
  const blocks: Block[] = []
  const visit = (element: Element) => {
    const tag = element.tagName.toLowerCase()
    if (
      [
        'script',
        'style',
        'template',
        'noscript',
        'iframe',
        'object',
        'embed',
        'svg',
        'math',
        'form',
      ].includes(tag)
    )
      return
    if (/^h[1-6]$/.test(tag)) return push('heading', element)
    if (tag === 'p' || tag === 'pre') return push('paragraph', element)
    if (tag === 'blockquote') return push('quote', element)
    if (tag === 'li') return push('list-item', element)
    if (tag === 'figcaption') return push('figure-caption', element)
    if (tag === 'img') {
      const alt = clean_(element.getAttribute('alt') ?? '')
      const asset = assetOf(element.getAttribute('src') ?? '')
      if (alt || asset)
        blocks.push({ kind: 'figure-alt', text: alt || 'Picture', ...(asset ? { asset } : {}) })
      return
    }
    if (tag === 'tr') return push('paragraph', element, ' · ')
    for (const child of element.children) visit(child)
  }
  const push = (kind: Block['kind'], element: Element, separator = ' ') => {
    for (const image of element.querySelectorAll('img')) visit(image)
    const text = clean_(
      [...element.childNodes]
        .map((node) => node.textContent ?? '')
        .join(separator === ' ' ? '' : separator),
    )
    if (text) blocks.push({ kind, text })
  }
  for (const child of root.children) visit(child)
  return blocks
}

function clean_(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
