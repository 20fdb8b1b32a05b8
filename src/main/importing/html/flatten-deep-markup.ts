import { inlineTags } from './inline-tags'
/**
 * Deepest nesting of elements a page or chapter keeps. Real pages nest a few dozen levels; the
 * HTML parser checks the open elements at every tag, so its time grows with depth × tags (2,500
 * nested `<div>`s took minutes with Readability, 10,000 overflowed the stack).
 */
export const maxMarkupDepth = 256

/** Elements that do not nest in HTML: void, or closed by the next of their kind. */
const uncountedHtmlTags = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rtc',
  'rp',
])

/** HTML elements whose content is text up to their end tag, never markup. */
const rawTextHtmlTags = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
])

/** What flattening found: the markup to parse and how deep the original nested. */
export interface FlattenedMarkup {
  readonly markup: string
  /** The deepest nesting seen (an upper bound: optional end tags are not counted). */
  readonly depth: number
  readonly isFlattened: boolean
}

/**
 * Flattens markup nested deeper than `maxDepth`: start and end tags beyond that depth are
 * dropped and their text kept as a paragraph, so every word of the page survives at a depth the
 * parsers handle in linear time. One pass over the characters, no regular expression that could backtrack.
 * `mode` is 'xml' for XHTML parsed as XML, where every element nests and `/>` closes.
 */
export function flattenDeepMarkup(
  markup: string,
  mode: 'html' | 'xml',
  maxDepth = maxMarkupDepth,
): FlattenedMarkup {
  const pieces: string[] = []
  let copiedUpTo = 0
  let depth = 0
  let deepest = 0
  let foreignDepth = 0
  /**
   * Replaces a tag past the limit. The deep part becomes one paragraph, opened where it starts
   * and closed where it ends: words left bare in a container would not make a block.
   */
  const drop = (start: number, end: number, name: string, replacement?: string) => {
    pieces.push(markup.slice(copiedUpTo, start), replacement ?? (inlineTags.has(name) ? '' : ' '))
    copiedUpTo = end
  }
  let at = markup.indexOf('<')
  while (at !== -1 && at < markup.length) {
    const next = markup.charCodeAt(at + 1)
    if (markup.startsWith('<!--', at)) {
      at = skipPast(markup, at + 4, '-->')
    } else if (markup.startsWith('<![CDATA[', at)) {
      at = skipPast(markup, at + 9, ']]>')
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      at = skipPast(markup, at + 2, '>')
    } else if (next === 0x2f /* / */ && isLetter(markup.charCodeAt(at + 2))) {
      const name = readName(markup, at + 2)
      const end = skipPast(markup, at + 2 + name.length, '>')
      if (end === -1) break
      if (name === 'svg' || name === 'math') foreignDepth = Math.max(0, foreignDepth - 1)
      if (isCounted(name, mode)) {
        if (depth > maxDepth) drop(at, end, name, depth === maxDepth + 1 ? '</p>' : undefined)
        depth = Math.max(0, depth - 1)
      }
      at = end
    } else if (isLetter(next)) {
      const name = readName(markup, at + 1)
      const tagEnd = endOfStartTag(markup, at + 1 + name.length)
      if (tagEnd === -1) break
      const isSelfClosing = markup.charCodeAt(tagEnd - 2) === 0x2f /* / */
      // HTML ignores "/>" on its own elements (`<div/>` opens a div); XML and SVG honour it.
      const opens = !isSelfClosing || (mode === 'html' && foreignDepth === 0)
      if (opens && isCounted(name, mode)) {
        depth++
        deepest = Math.max(deepest, depth)
        if (depth > maxDepth) drop(at, tagEnd, name, depth === maxDepth + 1 ? '<p>' : undefined)
      }
      if (opens && (name === 'svg' || name === 'math')) foreignDepth++
      at = tagEnd
      if (mode === 'html' && foreignDepth === 0 && opens && rawTextHtmlTags.has(name)) {
        at = indexOfIgnoringCase(markup, `</${name}`, at)
      } else if (mode === 'html' && name === 'plaintext') {
        break
      }
    } else {
      at++
    }
    if (at === -1) break
    at = markup.indexOf('<', at)
  }
  if (copiedUpTo === 0) return { markup, depth: deepest, isFlattened: false }
  pieces.push(markup.slice(copiedUpTo))
  return { markup: pieces.join(''), depth: deepest, isFlattened: true }
}

function isCounted(name: string, mode: 'html' | 'xml'): boolean {
  return mode === 'xml' || !uncountedHtmlTags.has(name)
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

/** A tag name, lower-cased: up to white space, "/" or ">". */
function readName(markup: string, from: number): string {
  let end = from
  while (end < markup.length) {
    const code = markup.charCodeAt(end)
    if (code === 0x3e || code === 0x2f || code <= 0x20) break
    end++
  }
  return markup.slice(from, end).toLowerCase()
}

/** Index just past the ">" that ends a start tag, skipping quoted attribute values; -1 if none. */
function endOfStartTag(markup: string, from: number): number {
  let quote = 0
  for (let index = from; index < markup.length; index++) {
    const code = markup.charCodeAt(index)
    if (quote !== 0) {
      if (code === quote) quote = 0
    } else if (code === 0x22 || code === 0x27) {
      // A quote opens a value only after "=" (possibly with spaces), as the HTML tokenizer does.
      if (previousNonSpace(markup, index, from) === 0x3d) quote = code
    } else if (code === 0x3e) {
      return index + 1
    }
  }
  return -1
}

function previousNonSpace(markup: string, index: number, from: number): number {
  for (let at = index - 1; at >= from; at--) {
    const code = markup.charCodeAt(at)
    if (code > 0x20) return code
  }
  return 0
}

function skipPast(markup: string, from: number, end: string): number {
  const found = markup.indexOf(end, from)
  return found === -1 ? -1 : found + end.length
}

function indexOfIgnoringCase(markup: string, needle: string, from: number): number {
  // The needle is a short end tag; lower-casing the rest once would copy a 50 MB page.
  const first = needle.charAt(0)
  for (let at = markup.indexOf(first, from); at !== -1; at = markup.indexOf(first, at + 1)) {
    if (markup.slice(at, at + needle.length).toLowerCase() === needle) return at
  }
  return -1
}
