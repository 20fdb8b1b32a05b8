import type { DocumentText, Segment } from '../../../shared/model'

/** A segment element's text nodes in order, and where each starts within the segment. */
interface TextNodes {
  readonly nodes: readonly Text[]
  readonly starts: readonly number[]
}

/**
 * Maps between document offsets and DOM positions. Every segment is rendered as one element
 * with `data-segment-index` holding exactly its text, in text nodes that may sit inside inline
 * elements (emphasis, links, code); list numbers and footnote labels are CSS, not text. Offsets
 * mean the same here as in main, in search and in anchoring.
 */
export class TextOffsets {
  readonly #root: HTMLElement
  readonly #text: string
  readonly #segments: readonly Segment[]
  /** Segment elements by index, found once; refreshed when one is missing or detached. */
  #elements: (HTMLElement | undefined)[] | null = null
  /** Each element's text nodes, found once: the blocks are never rewritten once made. */
  readonly #textNodes = new WeakMap<Element, TextNodes>()

  constructor(root: HTMLElement, content: DocumentText) {
    this.#root = root
    this.#text = content.text
    this.#segments = content.segments
  }

  /** The element of segment `index`, if it is rendered. */
  elementOf(index: number): HTMLElement | null {
    const cached = this.#elements?.[index]
    if (cached?.isConnected && this.#root.contains(cached)) return cached
    // One pass over the text finds every segment element; a lookup per segment would search
    // the whole document each time (thousands of highlights × thousands of blocks).
    this.#elements = []
    for (const element of this.#root.querySelectorAll<HTMLElement>('[data-segment-index]'))
      this.#elements[Number(element.dataset['segmentIndex'])] = element
    return this.#elements[index] ?? null
  }

  /** The index of the segment holding `offset` (see #pointAt for boundaries), by bisection. */
  #segmentIndexAt(offset: number, edge: 'start' | 'end'): number {
    let low = 0
    let high = this.#segments.length
    while (low < high) {
      const middle = (low + high) >> 1
      const end = this.#segments[middle]!.end
      if (edge === 'start' ? offset < end : offset <= end) high = middle
      else low = middle + 1
    }
    return low < this.#segments.length ? low : -1
  }

  /**
   * The block element holding `offset`. Its box is cheap even far off screen, where its text is
   * not laid out (content-visibility), unlike a range inside it.
   */
  blockOf(offset: number): HTMLElement | null {
    return this.elementOf(this.#segmentIndexAt(offset, 'start'))
  }

  /** The document offset of a DOM boundary point, or null outside the text. */
  offsetOf(node: Node, offset: number): number | null {
    const element = (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(
      '[data-segment-index]',
    )
    if (!element || !this.#root.contains(element)) return this.#offsetOutsideSegments(node, offset)
    const segment = this.#segments[Number(element.dataset['segmentIndex'])]
    if (!segment) return null
    const length = segment.end - segment.start
    if (node.nodeType === Node.TEXT_NODE) {
      const { nodes, starts } = this.#textNodesOf(element)
      const at = nodes.indexOf(node as Text)
      return at < 0 ? null : segment.start + Math.min(starts[at]! + offset, length)
    }
    // A boundary between an element's children: the text before it, however deeply nested.
    const before = document.createRange()
    before.setStart(element, 0)
    before.setEnd(node, offset)
    return segment.start + Math.min(before.toString().length, length)
  }

  /** The current selection as `[start, end)` offsets, or null when nothing in the text is selected. */
  selectionOffsets(selection: Selection | null): { start: number; end: number } | null {
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
    const range = selection.getRangeAt(0)
    if (!this.#root.contains(range.commonAncestorContainer)) return null
    const start = this.offsetOf(range.startContainer, range.startOffset)
    const end = this.offsetOf(range.endContainer, range.endOffset)
    if (start === null || end === null || end <= start) return null
    const trimmed = this.#trimWhitespace(start, end)
    return trimmed.end > trimmed.start ? trimmed : null
  }

  /** A DOM range over `[start, end)`, spanning segments if need be; null if not rendered. */
  rangeOf(start: number, end: number): Range | null {
    const from = this.#pointAt(start, 'start')
    const to = this.#pointAt(end, 'end')
    if (!from || !to) return null
    const range = document.createRange()
    range.setStart(from.node, from.offset)
    range.setEnd(to.node, to.offset)
    return range
  }

  /** The document offset under a screen point, or null when it is not over the text. */
  offsetAtPoint(x: number, y: number): number | null {
    const position = document.caretPositionFromPoint?.(x, y)
    if (position) return this.offsetOf(position.offsetNode, position.offset)
    const range = document.caretRangeFromPoint?.(x, y)
    return range ? this.offsetOf(range.startContainer, range.startOffset) : null
  }

  #pointAt(offset: number, edge: 'start' | 'end'): { node: Node; offset: number } | null {
    // An offset on a segment boundary belongs to the next segment for a start, the previous for an end.
    const index = this.#segmentIndexAt(offset, edge)
    const segment = this.#segments[index]
    const element = this.elementOf(index)
    if (!segment || !element) return null
    const inside = Math.max(0, Math.min(offset, segment.end) - segment.start)
    const { nodes, starts } = this.#textNodesOf(element)
    if (nodes.length === 0)
      return { node: element, offset: inside === 0 ? 0 : element.childNodes.length }
    // On the seam of two text nodes (the edge of an emphasis), a start goes into the later
    // node and an end stays in the earlier one: the range then holds no empty piece of either.
    let low = 0
    let high = nodes.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      const start = starts[middle]!
      if (edge === 'start' ? start <= inside : start < inside) low = middle
      else high = middle - 1
    }
    const node = nodes[low]!
    return { node, offset: Math.min(inside - starts[low]!, node.length) }
  }

  #textNodesOf(element: Element): TextNodes {
    const known = this.#textNodes.get(element)
    if (known) return known
    const nodes: Text[] = []
    const starts: number[] = []
    let length = 0
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text)
      starts.push(length)
      length += (node as Text).length
    }
    const found = { nodes, starts }
    this.#textNodes.set(element, found)
    return found
  }

  /**
   * A boundary in chrome between segments (a figure's label, between a table's rows or a list's
   * items) snaps to the next segment.
   */
  #offsetOutsideSegments(node: Node, offset: number): number | null {
    if (!this.#root.contains(node)) return null
    const walker = document.createTreeWalker(this.#root, NodeFilter.SHOW_ELEMENT)
    let after: Node | null = node.childNodes[offset] ?? null
    if (!after) {
      // After a node's last child: the walk goes on after the node, not into it again.
      for (let up: Node | null = node; !after && up && up !== this.#root;) {
        walker.currentNode = up
        after = walker.nextSibling()
        up = up.parentNode
      }
      if (!after) return this.#segments.at(-1)?.end ?? null
    }
    walker.currentNode = after
    for (let current: Node | null = after; current; current = walker.nextNode()) {
      if (current instanceof HTMLElement && current.dataset['segmentIndex'] !== undefined) {
        return this.#segments[Number(current.dataset['segmentIndex'])]?.start ?? null
      }
    }
    return this.#segments.at(-1)?.end ?? null
  }

  #trimWhitespace(start: number, end: number): { start: number; end: number } {
    let from = start
    let to = end
    while (from < to && /\s/.test(this.#text[from]!)) from++
    while (to > from && /\s/.test(this.#text[to - 1]!)) to--
    return { start: from, end: to }
  }
}
