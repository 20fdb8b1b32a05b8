import DOMPurify from 'dompurify'
import { Marked } from 'marked'

declare const sanitized: unique symbol
/** HTML that went through the sanitiser; the only kind MarkdownView will insert. */
export type SafeHtml = string & { readonly [sanitized]: true }

/** What a note may contain: text formatting, lists, quotes, code and links. No images, no forms. */
const allowedTags = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'hr',
]
/**
 * Links may only go to the web over TLS or to e-mail, which open in the system browser, or to a
 * passage in Lectern (`lectern://open/…`), which opens here.
 */
const allowedUris = /^(?:https:|mailto:|lectern:\/\/open\/)/i

/**
 * Notes are Markdown, not HTML: raw HTML in a note is shown as the text it is. That keeps hostile
 * markup out of the parser altogether; the sanitiser below is the second line of defence.
 */
const markdownOnly = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // A link to anything else keeps its words and loses its target.
    link(token) {
      return allowedUris.test(token.href) ? false : this.parser.parseInline(token.tokens)
    },
  },
})

/**
 * How many rendered notes are kept: more than a book's notes near the screen, so scrolling past
 * them and back (which makes their cards again) parses none twice, and little memory.
 */
const keptRenderings = 1_000
/** Rendered notes by their Markdown, oldest first; the same text always renders the same. */
const renderings = new Map<string, SafeHtml>()

/** Renders a note's Markdown to sanitised HTML, once per distinct text. */
export function renderMarkdown(markdown: string): SafeHtml {
  const kept = renderings.get(markdown)
  if (kept !== undefined) return kept
  const html = DOMPurify.sanitize(markdownOnly.parse(markdown, { async: false }), {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: allowedUris,
  }) as SafeHtml
  if (renderings.size >= keptRenderings) renderings.delete(renderings.keys().next().value!)
  renderings.set(markdown, html)
  return html
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

// The parser compiles its rules the first time it runs (about 20 ms in Chromium, more under
// load). The app does that while it is idle at start, waiting for the first document, rather
// than in the frame that shows the first notes beside it.
if (typeof requestIdleCallback === 'function')
  requestIdleCallback(() => renderMarkdown('*Lectern*'))
