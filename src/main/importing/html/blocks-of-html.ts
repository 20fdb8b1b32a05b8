import type { Block } from '../plain-text/assemble-text'
import { descendantsNamed } from './descendants-named'
import { inlineTags } from './inline-tags'

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
    visitChildren(element)
  }
  // Sibling pointers, not `children`: jsdom's collections are slow to index, which on a long
  // page cost more than parsing it.
  const visitChildren = (element: Element) => {
    if (!hasBareText(element)) {
      for (let child = element.firstElementChild; child; child = child.nextElementSibling)
        visit(child)
      return
    }
    // Words right inside a container (a `<div>` of text, a chapter's `<body>`) are a paragraph
    // with the inline markup around them, up to the next block: they were dropped before.
    let run = ''
    const flush = () => {
      const text = clean_(run)
      if (text) blocks.push({ kind: 'paragraph', text })
      run = ''
    }
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === textNode) run += node.textContent ?? ''
      if (node.nodeType !== elementNode) continue
      const child = node as Element
      if (inlineTags.has(child.localName)) {
        for (const image of descendantsNamed(child, 'img')) visit(image)
        run += child.localName === 'br' ? ' ' : (child.textContent ?? '')
      } else {
        flush()
        visit(child)
      }
    }
    flush()
  }
  const push = (kind: Block['kind'], element: Element, separator = ' ') => {
    for (const image of descendantsNamed(element, 'img')) visit(image)
    let text = element.textContent ?? ''
    if (separator !== ' ') {
      const parts: string[] = []
      for (let node = element.firstChild; node; node = node.nextSibling)
        parts.push(node.textContent ?? '')
      text = parts.join(separator)
    }
    text = clean_(text)
    if (text) blocks.push({ kind, text })
  }
  visitChildren(root)
  return blocks
}

const textNode = 3
const elementNode = 1

/** Whether an element holds words of its own, outside any child element. */
function hasBareText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling)
    if (node.nodeType === textNode && /\S/.test(node.textContent ?? '')) return true
  return false
}

function clean_(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
