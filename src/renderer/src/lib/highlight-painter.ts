import type { Highlight, HighlightLabel } from '../../../shared/model'
import { highlightTint } from './highlight-tint.svelte'
import type { TextOffsets } from './text-offsets'

/** How strongly a label's colour tints the text behind it; overlaps stack darker. */
const tintAlpha = 0.4
/** A quiet highlight's underline: nearly the full colour, so pale labels still show on paper. */
const underlineAlpha = 0.9

/** The CSS Custom Highlight name for a label's colour. */
export function labelHighlightName(labelId: string): string {
  return `lectern-label-${labelId}`
}

/**
 * Paints highlights with the CSS Custom Highlight API: the document's DOM is never rewritten,
 * overlapping highlights simply stack, and repainting is cheap. Label colours live in one
 * constructed stylesheet, since labels can be recoloured at any time.
 */
export class HighlightPainter {
  readonly #sheet = new CSSStyleSheet()
  #names: string[] = []
  /** The range of each painted highlight, for the focus and hover marks. */
  #ranges = new Map<string, Range>()

  constructor() {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.#sheet]
    highlightTint.apply()
  }

  /**
   * Sets the colour of each label: a thin underline while highlights are quiet, a tint behind
   * the text once the reader asks for it (the root's data-highlights, see highlight-tint).
   */
  setLabels(labels: readonly HighlightLabel[]): void {
    this.#sheet.replaceSync(labels.flatMap((label) => labelRules(label)).join('\n'))
  }

  /** Paints every anchored highlight in its label's colour. */
  paint(offsets: TextOffsets, highlights: readonly Highlight[]): void {
    const byLabel = new Map<string, Range[]>()
    this.#ranges = new Map()
    for (const highlight of highlights) {
      if (highlight.status !== 'anchored') continue
      const range = offsets.rangeOf(
        highlight.selectors.position.start,
        highlight.selectors.position.end,
      )
      if (!range) continue
      this.#ranges.set(highlight.id, range)
      const name = labelHighlightName(highlight.labelId)
      const ranges = byLabel.get(name)
      if (ranges) ranges.push(range)
      else byLabel.set(name, [range])
    }
    for (const name of this.#names) CSS.highlights.delete(name)
    for (const [name, ranges] of byLabel) CSS.highlights.set(name, new Highlight(...ranges))
    this.#names = [...byLabel.keys()]
  }

  /** Outlines the focused and hovered highlights and flashes a passage (after `paint`). */
  paintMarks(
    offsets: TextOffsets,
    focusedId: string | null,
    hoveredId: string | null,
    flashing: { start: number; end: number } | null = null,
  ): void {
    for (const name of ['lectern-focus', 'lectern-hover', 'lectern-flash'])
      CSS.highlights.delete(name)
    const focused = focusedId ? this.#ranges.get(focusedId) : undefined
    const hovered = hoveredId ? this.#ranges.get(hoveredId) : undefined
    if (focused) this.#set('lectern-focus', focused, 2)
    if (hovered) this.#set('lectern-hover', hovered, 1)
    const flashRange = flashing ? offsets.rangeOf(flashing.start, flashing.end) : null
    if (flashRange) this.#set('lectern-flash', flashRange, 3)
  }

  /** Removes every highlight this painter made. */
  clear(): void {
    for (const name of [...this.#names, 'lectern-focus', 'lectern-hover', 'lectern-flash'])
      CSS.highlights.delete(name)
    this.#names = []
  }

  /** Removes the painter and its stylesheet. */
  dispose(): void {
    this.clear()
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter(
      (sheet) => sheet !== this.#sheet,
    )
  }

  #set(name: string, range: Range, priority: number): void {
    const highlight = new Highlight(range)
    highlight.priority = priority
    CSS.highlights.set(name, highlight)
  }
}

/** The two paintings of one label: quiet (underline) and tinted (background). */
function labelRules(label: HighlightLabel): string[] {
  const name = labelHighlightName(label.id)
  return [
    `:root:not([data-highlights='tinted']) ::highlight(${name}) { text-decoration: underline 2px ${withAlpha(label.color, underlineAlpha)}; text-underline-offset: 3px; }`,
    `:root[data-highlights='tinted'] ::highlight(${name}) { background-color: ${withAlpha(label.color, tintAlpha)}; }`,
  ]
}

/** "#f2c230", 0.4 → "rgb(242 194 48 / 0.4)". */
export function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16)
  return `rgb(${(value >> 16) & 255} ${(value >> 8) & 255} ${value & 255} / ${alpha})`
}
