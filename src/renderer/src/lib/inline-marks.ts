import type { Mark, MarkKind } from '../../../shared/model'
import { parseExternalUrl } from '../../../shared/links/external-url'

/**
 * How marks nest when they overlap, outermost first: a link around its emphasis, never an
 * emphasis cut into pieces by each link it holds. Ties go to the mark that starts first.
 */
const nesting: Record<MarkKind, number> = {
  link: 0,
  'footnote-ref': 1,
  strong: 2,
  emphasis: 3,
  code: 4,
}

/** The class a link in the text carries; the article's click handler looks for it. */
export const textLinkClass = 'text-link'
/** The class a footnote reference carries; its `data-footnote` names the footnote's label. */
export const footnoteRefClass = 'footnote-ref'

/**
 * Finds the marks over a span quickly: marks are sorted by start, and none is longer than the
 * longest, so only those starting at most that far before the span can reach into it.
 */
export class MarkIndex {
  readonly #marks: readonly Mark[]
  readonly #longest: number

  constructor(marks: readonly Mark[] | undefined) {
    // Sorted again: a file edited by hand may not keep the order the importers write.
    this.#marks = [...(marks ?? [])].sort((a, b) => a.start - b.start)
    this.#longest = this.#marks.reduce((most, mark) => Math.max(most, mark.end - mark.start), 0)
  }

  /** The marks that overlap `[start, end)`. */
  within(start: number, end: number): Mark[] {
    const from = start - this.#longest
    let low = 0
    let high = this.#marks.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.#marks[middle]!.start < from) low = middle + 1
      else high = middle
    }
    const found: Mark[] = []
    for (let i = low; i < this.#marks.length && this.#marks[i]!.start < end; i++) {
      const mark = this.#marks[i]!
      if (mark.end > start && mark.end > mark.start) found.push(mark)
    }
    return found
  }
}

/**
 * The text of `[start, end)` with its marks as nested inline elements. Only Lectern's own
 * elements are made, and text only ever as text nodes; a link whose address is not https: or
 * mailto: (a hand-edited file) is shown as plain text. The nodes' text is exactly the span's,
 * so offsets into it stay offsets into the document's text.
 */
export function inlineNodes(
  document: Document,
  text: string,
  start: number,
  end: number,
  marks: readonly Mark[],
): Node[] {
  const shown = marks
    .map((mark) => ({ mark, start: Math.max(start, mark.start), end: Math.min(end, mark.end) }))
    .filter((span) => span.end > span.start && isShowable(span.mark))
  if (shown.length === 0) return [document.createTextNode(text.slice(start, end))]
  const cuts = [...new Set([start, end, ...shown.flatMap((span) => [span.start, span.end])])].sort(
    (a, b) => a - b,
  )
  const top = document.createDocumentFragment()
  const open: { span: (typeof shown)[number]; inner: Element }[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!
    const to = cuts[i + 1]!
    const active = shown
      .filter((span) => span.start <= from && span.end >= to)
      .sort(
        (a, b) => nesting[a.mark.kind] - nesting[b.mark.kind] || a.start - b.start || b.end - a.end,
      )
    let kept = 0
    while (kept < open.length && kept < active.length && open[kept]!.span === active[kept]) kept++
    open.length = kept
    let parent: Element | DocumentFragment = open.at(-1)?.inner ?? top
    for (const span of active.slice(kept)) {
      const { outer, inner } = markElement(document, span.mark)
      parent.append(outer)
      open.push({ span, inner })
      parent = inner
    }
    parent.append(document.createTextNode(text.slice(from, to)))
  }
  return [...top.childNodes]
}

/** A link is shown only when its address may be opened; every other kind always. */
function isShowable(mark: Mark): boolean {
  if (!(mark.kind in nesting)) return false
  return mark.kind !== 'link' || (mark.href !== undefined && parseExternalUrl(mark.href) !== null)
}

function markElement(document: Document, mark: Mark): { outer: Element; inner: Element } {
  switch (mark.kind) {
    case 'emphasis':
      return single(document.createElement('em'))
    case 'strong':
      return single(document.createElement('strong'))
    case 'code':
      return single(document.createElement('code'))
    case 'link': {
      const link = document.createElement('a')
      link.className = textLinkClass
      link.href = parseExternalUrl(mark.href ?? '') ?? ''
      link.title = link.href
      link.rel = 'noreferrer'
      // A press on a link starts a selection, as anywhere else in the text, not a drag of it.
      link.setAttribute('draggable', 'false')
      return single(link)
    }
    case 'footnote-ref': {
      const sup = document.createElement('sup')
      const link = document.createElement('a')
      link.className = footnoteRefClass
      link.href = '#'
      link.setAttribute('draggable', 'false')
      if (mark.footnote) link.dataset['footnote'] = mark.footnote
      link.setAttribute('aria-label', `Footnote ${mark.footnote ?? ''}`.trim())
      sup.append(link)
      return { outer: sup, inner: link }
    }
  }
}

function single(element: Element): { outer: Element; inner: Element } {
  return { outer: element, inner: element }
}
