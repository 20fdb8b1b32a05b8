import { parseExternalUrl } from '../../../shared/links/external-url'
import type { Block } from '../plain-text/assemble-text'
import { InlineText } from '../plain-text/inline-text'
import { descendantsNamed, firstDescendantWhere } from './descendants-named'
import { inlineTags, markOfInlineTag } from './inline-tags'

/** How to read the pictures of a page or chapter, and what is shared across a book's chapters. */
export interface HtmlReading {
  /** The stored picture for an image's address, or null when it is not stored. */
  readonly assetOf?: (src: string) => string | null
  /**
   * Whether a picture that is not stored is still part of the document (a book's own SVG): its
   * alt text is then kept as a figure. Otherwise (a remote picture) at most its alt text is kept,
   * inline, and nothing of a badge.
   */
  readonly isPictureInDocument?: (src: string) => boolean
  /** Tables are numbered in document order: a book's chapters share one counter. */
  readonly counters?: { tables: number }
  /**
   * Footnote references that point into another file (a book's notes chapter), shared across a
   * book's chapters: the notes there get the label their reference showed.
   */
  readonly sharedNotes?: SharedNotes
}

/** What one chapter's references tell the chapters after it. */
export interface SharedNotes {
  /** Note element id → the label its first reference shows. */
  readonly labelOfTarget: Map<string, string>
  /** Ids of the references, so a note's link back to one is left out. */
  readonly refIds: Set<string>
}

/** Elements whose content is never text to read: they run, load, or are controls. */
const skippedTags = new Set([
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
  'button',
  'select',
  'textarea',
  'input',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
])

/** Blocks a list item keeps apart from its own words (anything else inside it joins them). */
const structuralTags = new Set([
  'ul',
  'ol',
  'menu',
  'li',
  'table',
  'pre',
  'blockquote',
  'figure',
  'dl',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
])

/** The schema's bounds (src/main/store/schema.ts): past them the shape is clamped, the text kept. */
export const shapeLimits = {
  depth: 32,
  ordinal: 1_000_000_000,
  column: 1000,
} as const

/** Elements too large to be a note, whatever points to them. */
const notSizedTags = new Set(['body', 'main', 'article', 'section', 'nav', 'header', 'footer'])

/** The most rows one cell spans, as HTML allows. */
const maxRowSpan = 65534

/** Nesting past which an element's words are taken whole (the parsers flatten long before). */
const maxWalkDepth = 400

const textNode = 3
const elementNode = 1

/** Where the walk is: inside which quotes, lists and figures. */
interface Context {
  readonly quoteDepth: number
  /** Depth a list starting here gets. */
  readonly listDepth: number
  readonly list?: ListState
  readonly figure?: { readonly hasCaption: boolean; isCaptionTaken: boolean }
  readonly nesting: number
}

interface ListState {
  readonly isOrdered: boolean
  readonly depth: number
  readonly step: number
  next: number
}

/** How inline content is being read. */
interface InlineContext {
  /** Stored pictures found in the line, kept as figures beside it; null: keep their alt inline. */
  readonly figures: Block[] | null
  readonly isInLink: boolean
  readonly isInNote: boolean
  readonly isInCaptionedFigure: boolean
}

/** Footnotes as the page marks them: references, and the labels of the notes they point to. */
interface Notes {
  readonly labelOfRef: Map<Element, string | undefined>
  /** Note element id → the label its first reference shows. */
  readonly labelOfTarget: Map<string, string>
  /** Ids of the references, so a note's link back to one is left out. */
  readonly refIds: Set<string>
}

/**
 * Reads the blocks of a page or chapter with their shape: headings with their level,
 * paragraphs, quotes, list items with their number and nesting, code blocks as written, table
 * cells, footnotes and figures; and inside them emphasis, strong, code, https/mailto links and
 * footnote references as marks. Only standard DOM calls (sibling pointers, `localName`,
 * `getAttribute`, `textContent`), so any DOM implementation serves. Nothing but text and
 * Lectern's own shape fields leaves here: no attribute, address or markup of the page is kept
 * beyond a link's checked address.
 */
export function blocksOfHtml(root: Element, reading: HtmlReading = {}): Block[] {
  return new HtmlWalk(root, reading).blocks
}

class HtmlWalk {
  readonly blocks: Block[] = []
  readonly #reading: HtmlReading
  readonly #notes: Notes
  readonly #counters: { tables: number }

  constructor(root: Element, reading: HtmlReading) {
    this.#reading = reading
    this.#counters = reading.counters ?? { tables: 0 }
    this.#notes = findNotes(root, reading.sharedNotes)
    this.#container(root, { quoteDepth: 0, listDepth: 0, nesting: 0 })
  }

  /** Children of a block that holds other blocks; words between them form paragraphs. */
  #container(element: Element, context: Context): void {
    let run = new InlineText()
    let figures: Block[] = []
    const flush = () => {
      this.#pushRun(run, figures, this.#paragraphIn(context))
      run = new InlineText()
      figures = []
    }
    // Sibling pointers, not `children`: jsdom's collections are slow to index, which on a long
    // page cost more than parsing it.
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === textNode) run.add(node.textContent ?? '')
      if (node.nodeType !== elementNode) continue
      const child = node as Element
      if (skippedTags.has(child.localName)) continue
      if (isInline(child)) {
        this.#inline(child, run, this.#inlineContext(figures, context), context.nesting + 1)
      } else {
        flush()
        this.#block(child, { ...context, nesting: context.nesting + 1 })
      }
    }
    flush()
  }

  #block(element: Element, context: Context): void {
    const tag = element.localName
    if (skippedTags.has(tag) || tag === 'hr' || tag === 'br') return
    if (context.nesting > maxWalkDepth) {
      const run = new InlineText()
      run.add(element.textContent ?? '')
      return this.#pushRun(run, [], this.#paragraphIn(context))
    }
    const heading = /^h([1-6])$/.exec(tag)
    if (heading) return this.#words(element, context, { kind: 'heading', level: +heading[1]! })
    if (tag === 'pre') return this.#code(element)
    if (tag === 'table') return this.#table(element, context)
    if (tag === 'ul' || tag === 'ol' || tag === 'menu') return this.#list(element, context)
    if (tag === 'li') return this.#item(element, context)
    const note = this.#noteLabel(element)
    if (note !== null) return this.#note(element, note)
    if (tag === 'p') return this.#words(element, context, this.#paragraphIn(context))
    if (tag === 'blockquote')
      return this.#container(element, { ...context, quoteDepth: context.quoteDepth + 1 })
    if (tag === 'figure') {
      const hasCaption = firstDescendantWhere(element, (e) => e.localName === 'figcaption') !== null
      return this.#container(element, { ...context, figure: { hasCaption, isCaptionTaken: false } })
    }
    if (tag === 'figcaption' && context.figure && !context.figure.isCaptionTaken) {
      context.figure.isCaptionTaken = true
      return this.#words(element, context, { kind: 'figure-caption' })
    }
    this.#container(element, context)
  }

  /** A block of words: its inline content, with pictures stored beside it as figures. */
  #words(element: Element, context: Context, shape: Omit<Block, 'text'>): void {
    const run = new InlineText()
    const figures: Block[] = []
    this.#inlineChildren(element, run, this.#inlineContext(figures, context), context.nesting)
    this.#pushRun(run, figures, shape)
  }

  /** A code block exactly as written: line breaks and indentation kept, no spaces collapsed. */
  #code(element: Element): void {
    let text = ''
    const visit = (parent: Node, depth: number) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === textNode) text += node.textContent ?? ''
        if (node.nodeType !== elementNode) continue
        const child = node as Element
        if (child.localName === 'br') text += '\n'
        else if (!skippedTags.has(child.localName))
          if (depth > maxWalkDepth) text += child.textContent ?? ''
          else visit(child, depth + 1)
      }
    }
    visit(element, 0)
    // Blank lines before the first line and whitespace after the last are not the code's.
    const code = text
      .replace(/\r\n?/g, '\n')
      .replace(/^(?:[ \t]*\n)+/, '')
      .trimEnd()
    if (code) this.blocks.push({ kind: 'code', text: code })
  }

  #list(element: Element, context: Context): void {
    const isOrdered = element.localName === 'ol'
    const isReversed = isOrdered && element.hasAttribute('reversed')
    const depth = Math.min(
      shapeLimits.depth,
      context.list ? context.list.depth + 1 : context.listDepth,
    )
    const start =
      integerAttribute(element, 'start') ??
      (isReversed ? [...childElements(element)].filter((e) => e.localName === 'li').length : 1)
    const list: ListState = { isOrdered, depth, step: isReversed ? -1 : 1, next: start }
    this.#container(element, { ...context, list, listDepth: depth })
  }

  /**
   * A list item: its own words (with the paragraphs it starts with) are the item; a list,
   * table, code or quote inside it follows as its own blocks, nested one level deeper.
   */
  #item(element: Element, context: Context): void {
    const list = context.list
    let ordinal: number | undefined
    if (list) {
      const number = integerAttribute(element, 'value') ?? list.next
      list.next = number + list.step
      if (list.isOrdered) ordinal = clampOrdinal(number)
    }
    const depth = list ? list.depth : Math.min(shapeLimits.depth, context.listDepth)
    const note = this.#noteLabel(element)
    if (note !== null) return this.#note(element, note)
    const inner: Context = {
      ...context,
      list: undefined,
      listDepth: Math.min(shapeLimits.depth, depth + 1),
      nesting: context.nesting + 1,
    }
    let run = new InlineText()
    let figures: Block[] = []
    let isItemDone = false
    const flush = () => {
      this.#pushRun(
        run,
        figures,
        isItemDone
          ? this.#paragraphIn(context)
          : {
              kind: 'list-item',
              ...(depth > 0 ? { depth } : {}),
              ...(ordinal !== undefined ? { ordinal } : {}),
            },
      )
      isItemDone = true
      run = new InlineText()
      figures = []
    }
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === textNode) run.add(node.textContent ?? '')
      if (node.nodeType !== elementNode) continue
      const child = node as Element
      if (skippedTags.has(child.localName)) continue
      const ic = this.#inlineContext(figures, context)
      if (isInline(child)) {
        this.#inline(child, run, ic, inner.nesting)
      } else if (!isItemDone && !structuralTags.has(child.localName) && !hasStructure(child)) {
        // "<li><p>Definitions.</p></li>": the paragraph is the item's words.
        run.addSpace()
        this.#inlineChildren(child, run, ic, inner.nesting)
        run.addSpace()
      } else {
        flush()
        this.#block(child, inner)
      }
    }
    if (!isItemDone || !run.isEmpty) flush()
  }

  /** A table of words: each cell a block of its own, placed by table, row and column. */
  #table(element: Element, context: Context): void {
    // A table holding tables lays out a page; its cells are read as blocks.
    if (firstDescendantWhere(element, (e) => e.localName === 'table'))
      return this.#container(element, context)
    const table = this.#counters.tables++
    const rows: { row: Element; isHead: boolean }[] = []
    for (const child of childElements(element)) {
      const tag = child.localName
      if (tag === 'caption') this.#words(child, context, { kind: 'figure-caption' })
      else if (tag === 'tr') rows.push({ row: child, isHead: false })
      else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot')
        for (const row of childElements(child))
          if (row.localName === 'tr') rows.push({ row, isHead: tag === 'thead' })
    }
    let rowIndex = 0
    /** Column → the last row (as written) a cell above covers with its rowspan. */
    const coveredThrough: number[] = []
    rows.forEach(({ row, isHead }, sourceRow) => {
      const cells: { column: number; isHeader: boolean; text: InlineText }[] = []
      let column = 0
      for (const cell of childElements(row)) {
        if (cell.localName !== 'td' && cell.localName !== 'th') continue
        // A cell goes to the first column no cell above reaches down into.
        while (column <= shapeLimits.column && (coveredThrough[column] ?? -1) >= sourceRow) column++
        const ic: InlineContext = {
          figures: null,
          isInLink: false,
          isInNote: false,
          isInCaptionedFigure: false,
        }
        const last = cells[cells.length - 1]
        if (column > shapeLimits.column && last) {
          // Past the schema's last column the words join the last cell: kept, not placed.
          last.text.addSpace()
          this.#inlineChildren(cell, last.text, ic, context.nesting + 1)
          continue
        }
        const text = new InlineText()
        this.#inlineChildren(cell, text, ic, context.nesting + 1)
        cells.push({ column, isHeader: isHead || cell.localName === 'th', text })
        const span = Math.min(
          shapeLimits.column,
          Math.max(1, integerAttribute(cell, 'colspan') ?? 1),
        )
        const rowSpan = Math.min(maxRowSpan, Math.max(1, integerAttribute(cell, 'rowspan') ?? 1))
        if (rowSpan > 1)
          for (let k = column; k < column + span && k <= shapeLimits.column; k++)
            coveredThrough[k] = sourceRow + rowSpan - 1
        column += span
      }
      let isRowKept = false
      for (const cell of cells) {
        const { text, marks } = cell.text.finish()
        if (!text) continue
        isRowKept = true
        this.blocks.push({
          kind: 'table-cell',
          text,
          cell: {
            table,
            row: rowIndex,
            column: Math.min(shapeLimits.column, cell.column),
            isHeader: cell.isHeader,
          },
          ...(marks.length > 0 ? { marks } : {}),
        })
      }
      if (isRowKept) rowIndex++
    })
  }

  /** A footnote: all its words in one block, without the link back to its reference. */
  #note(element: Element, label: string | undefined): void {
    const run = new InlineText()
    this.#inlineChildren(
      element,
      run,
      { figures: null, isInLink: false, isInNote: true, isInCaptionedFigure: false },
      0,
    )
    this.#pushRun(run, [], { kind: 'footnote', ...(label ? { footnote: label } : {}) })
  }

  #inlineChildren(parent: Element, run: InlineText, context: InlineContext, depth: number): void {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === textNode) run.add(node.textContent ?? '')
      else if (node.nodeType === elementNode) this.#inline(node as Element, run, context, depth + 1)
    }
  }

  /** One element inside a line: its words, and its formatting as a mark. */
  #inline(element: Element, run: InlineText, context: InlineContext, depth: number): void {
    const tag = element.localName
    if (skippedTags.has(tag)) return
    if (depth > maxWalkDepth) return run.add(element.textContent ?? '')
    if (tag === 'br') return run.addSpace()
    if (tag === 'img') return this.#picture(element, run, context)
    if (tag === 'a') {
      // A note's link back to its reference ("↩", or its number linking back) is not its words.
      if (context.isInNote && this.#isBacklink(element)) return
      if (this.#notes.labelOfRef.has(element)) {
        const start = run.position
        run.add(element.textContent ?? '')
        const label = this.#notes.labelOfRef.get(element)
        return run.mark('footnote-ref', start, label ? { footnote: label } : {})
      }
      const href = safeHref(element.getAttribute('href'))
      const start = run.position
      this.#inlineChildren(element, run, { ...context, isInLink: true }, depth)
      if (href) run.mark('link', start, { href })
      return
    }
    const mark = markOfInlineTag.get(tag)
    if (mark) {
      const start = run.position
      this.#inlineChildren(element, run, context, depth)
      return run.mark(mark, start)
    }
    // A block inside a line (a paragraph in a table cell): its words, apart from the next.
    const isBlock = !inlineTags.has(tag)
    if (isBlock) run.addSpace()
    this.#inlineChildren(element, run, context, depth)
    if (isBlock) run.addSpace()
  }

  /**
   * A picture: a stored one is a figure beside its line; one of the book that is not stored
   * keeps its alt text as a figure; a remote one keeps at most its alt text, inline, and a badge
   * (a picture in a link) nothing.
   */
  #picture(element: Element, run: InlineText, context: InlineContext): void {
    const src = element.getAttribute('src') ?? ''
    const alt = clean(element.getAttribute('alt') ?? '')
    const asset = this.#reading.assetOf?.(src) ?? null
    if (asset && context.figures) {
      context.figures.push({ kind: 'figure-alt', text: alt || 'Picture', asset })
      return
    }
    if (!asset && alt && context.figures && this.#reading.isPictureInDocument?.(src)) {
      context.figures.push({ kind: 'figure-alt', text: alt })
      return
    }
    // GitHub serves a README's badges through its image proxy, naming the original address.
    if (
      context.isInLink ||
      isBadge(src) ||
      isBadge(element.getAttribute('data-canonical-src') ?? '')
    )
      return
    // Its figure's caption already says what it shows: the alt text would be a second one.
    if (context.isInCaptionedFigure || !isMeaningfulAlt(alt)) return
    if (/\p{L}/u.test(alt)) {
      run.addSpace()
      run.add(alt)
      run.addSpace()
    } else run.add(alt)
  }

  /** The label of a footnote element ('' → no label known), or null when it is no footnote. */
  #noteLabel(element: Element): string | undefined | null {
    const id = element.getAttribute('id')
    const types = tokens(element.getAttribute('epub:type'))
    const role = element.getAttribute('role')
    const isNote =
      types.includes('footnote') ||
      types.includes('endnote') ||
      types.includes('rearnote') ||
      role === 'doc-footnote' ||
      role === 'doc-endnote'
    const fromRef = id ? this.#targetLabel(id) : undefined
    if (isNote && fromRef !== undefined) return fromRef
    if (!isNote) {
      // An element a reference points to is a note only when it is a few words: a bare
      // "<sup><a href="#part-2">2</a></sup>" may point at a whole section, kept as it is.
      const isNoteSized = () => !notSizedTags.has(element.localName) && !hasStructure(element)
      if (fromRef !== undefined) return isNoteSized() ? fromRef : null
      // "<p><a id="fn1" href="#r1">1</a> The note.</p>": the anchor marks its paragraph.
      const first = element.firstElementChild
      if (!first || hasBareTextBefore(element, first)) return null
      for (const candidate of [first, first.firstElementChild]) {
        const anchor = candidate?.getAttribute('id')
        const label = anchor ? this.#targetLabel(anchor) : undefined
        if (label !== undefined) return isNoteSized() ? label : null
      }
      return null
    }
    const leading = /^\s*[[(]?(\d{1,4})[\].):]?(?:\s|$)/.exec(element.textContent ?? '')
    return leading?.[1] ?? undefined
  }

  /** The label of the note with this id: from this page's references, else an earlier chapter's. */
  #targetLabel(id: string): string | undefined {
    return this.#notes.labelOfTarget.get(id) ?? this.#reading.sharedNotes?.labelOfTarget.get(id)
  }

  #isBacklink(link: Element): boolean {
    if (link.getAttribute('role') === 'doc-backlink') return true
    const href = link.getAttribute('href') ?? ''
    const hash = href.indexOf('#')
    const target = hash >= 0 ? href.slice(hash + 1) : ''
    if (this.#notes.refIds.has(target) || this.#reading.sharedNotes?.refIds.has(target)) return true
    return /^[↩↑^]\uFE0E?$/u.test(clean(link.textContent ?? ''))
  }

  #paragraphIn(context: Context): Omit<Block, 'text'> {
    return context.quoteDepth > 0
      ? {
          kind: 'quote',
          ...(context.quoteDepth > 1
            ? { depth: Math.min(shapeLimits.depth, context.quoteDepth - 1) }
            : {}),
        }
      : { kind: 'paragraph' }
  }

  #inlineContext(figures: Block[], context: Context): InlineContext {
    return {
      figures,
      isInLink: false,
      isInNote: false,
      isInCaptionedFigure: context.figure?.hasCaption ?? false,
    }
  }

  /** Pictures found in a run go first, then the run's words as a block shaped as asked. */
  #pushRun(run: InlineText, figures: readonly Block[], shape: Omit<Block, 'text'>): void {
    this.blocks.push(...figures)
    const { text, marks } = run.finish()
    if (text) this.blocks.push({ ...shape, text, ...(marks.length > 0 ? { marks } : {}) })
  }
}

/**
 * The page's footnote references: links typed as such (epub:type="noteref",
 * role="doc-noteref"), or a superscript link to an anchor in the page whose text is a label
 * ("<sup><a href="#fn1">1</a></sup>"). Each gives the note it points to its label.
 */
function findNotes(root: Element, shared: SharedNotes | undefined): Notes {
  const notes: Notes = { labelOfRef: new Map(), labelOfTarget: new Map(), refIds: new Set() }
  for (const link of descendantsNamed(root, 'a')) {
    const isTyped =
      tokens(link.getAttribute('epub:type')).includes('noteref') ||
      link.getAttribute('role') === 'doc-noteref'
    const parent = link.parentNode as Element | null
    const isSuperscript = parent?.localName === 'sup' || link.firstElementChild?.localName === 'sup'
    if (!isTyped && !isSuperscript) continue
    const href = link.getAttribute('href') ?? ''
    const hash = href.indexOf('#')
    const target = hash >= 0 ? href.slice(hash + 1) : ''
    const text = clean(link.textContent ?? '')
    const isBare =
      isSuperscript && target !== '' && /^[[(]?[\p{L}\p{N}*†‡§]{1,4}[\])]?$/u.test(text)
    if (!isTyped && !isBare) continue
    const label = labelOf(text) ?? String(notes.labelOfRef.size + 1)
    notes.labelOfRef.set(link, label)
    // "notes.xhtml#n1": the note is in another file, read later with the shared labels.
    const isElsewhere = hash > 0 && !href.startsWith('#')
    const targets = isElsewhere && shared ? shared.labelOfTarget : notes.labelOfTarget
    if (target && !targets.has(target)) targets.set(target, label)
    const id = link.getAttribute('id') ?? (isSuperscript ? parent?.getAttribute('id') : null)
    if (id) notes.refIds.add(id)
    if (id && shared) shared.refIds.add(id)
  }
  return notes
}

/** A footnote label as the store accepts it ("[1]" → "1"), or null. */
export function labelOf(text: string): string | null {
  const label = text.replace(/^[[(]|[\])]$/g, '').trim()
  return /^[\p{L}\p{N}_*†‡§-]{1,16}$/u.test(label) ? label : null
}

/** A link's address when Lectern may open it (https: or mailto:), normalised; otherwise null. */
export function safeHref(href: string | null): string | null {
  // Most links of a page are relative ("#section", "../page.html"): no URL is parsed for them
  // (a refused parse throws, and throwing for each of thousands of links cost most of the walk).
  if (!href || href.length > 2048 || !/^\s*(?:https|mailto):/i.test(href)) return null
  const url = parseExternalUrl(href.trim())
  return url && url.length <= 2048 ? url : null
}

/** Whether an element reads as part of a line: inline markup holding no block. */
function isInline(element: Element): boolean {
  const tag = element.localName
  if (tag === 'img') return true
  if (!inlineTags.has(tag)) return false
  // "<a><div><h2>…</h2><p>…</p></div></a>" (a card that links): the blocks inside count.
  return !firstDescendantWhere(
    element,
    (e) => !inlineTags.has(e.localName) && e.localName !== 'img' && !skippedTags.has(e.localName),
  )
}

function hasStructure(element: Element): boolean {
  return firstDescendantWhere(element, (e) => structuralTags.has(e.localName)) !== null
}

function* childElements(element: Element): Generator<Element> {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) yield child
}

function hasBareTextBefore(element: Element, child: Node): boolean {
  for (let node = element.firstChild; node && node !== child; node = node.nextSibling)
    if (node.nodeType === textNode && /\S/.test(node.textContent ?? '')) return true
  return false
}

/** An attribute's whole number ("7", "-2"), clamped to what the store holds; null otherwise. */
function integerAttribute(element: Element, name: string): number | null {
  const value = element.getAttribute(name)?.trim()
  if (!value || !/^[+-]?\d{1,20}$/.test(value)) return null
  return clampOrdinal(Number(value))
}

function clampOrdinal(value: number): number {
  return Math.max(-shapeLimits.ordinal, Math.min(shapeLimits.ordinal, value))
}

/** Status badges and counters: shields.io and the like, whose alt text is no content. */
function isBadge(src: string): boolean {
  return src !== '' && /shields\.io|badge|\.svg(?:[?#]|$)/i.test(src)
}

/** Alt text worth reading in place of its picture: not empty, not a file name or "image". */
function isMeaningfulAlt(alt: string): boolean {
  return (
    alt !== '' &&
    !/\.(?:png|jpe?g|gif|svg|webp|bmp)$/i.test(alt) &&
    !/^(?:image|img|picture|photo|logo|icon|screenshot|badge)$/i.test(alt)
  )
}

function tokens(value: string | null): string[] {
  return value ? value.toLowerCase().split(/\s+/) : []
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
