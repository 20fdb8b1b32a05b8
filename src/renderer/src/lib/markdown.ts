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

/** Renders a note's Markdown to sanitised HTML. */
export function renderMarkdown(markdown: string): SafeHtml {
  const html = markdownOnly.parse(markdown, { async: false })
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: allowedUris,
  }) as SafeHtml
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
