import type { Action } from 'svelte/action'

/** A rectangle on screen, in CSS pixels of the window. */
export interface ScreenBox {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

/** Where a popover goes: its top-left corner, and on which side of its passage it sits. */
export interface PopoverPlacement {
  readonly left: number
  readonly top: number
  readonly side: 'above' | 'below' | 'over'
}

/** Room between the passage and the popover, and between the popover and the area's edges. */
const gap = 8
const margin = 8

function clamp(value: number, low: number, high: number): number {
  // An area smaller than the popover: its start edge wins, so the first buttons stay reachable.
  return Math.max(low, Math.min(value, high))
}

/**
 * Places a popover of `size` beside the passage `anchor`, wholly inside `area` (the visible part
 * of the reading column): above the passage when there is room, else below it, else over it at
 * the nearest edge. Horizontally centred on the passage, kept inside `area`, or inside `viewport` (the window)
 * when the popover is wider than the column. Null when the passage is not in the area at all
 * (scrolled away): a popover pointing at nothing is hidden rather than pinned to an edge.
 */
export function placePopover(
  anchor: ScreenBox,
  size: { readonly width: number; readonly height: number },
  area: ScreenBox,
  viewport: ScreenBox,
): PopoverPlacement | null {
  if (anchor.bottom < area.top || anchor.top > area.bottom) return null
  if (anchor.right < area.left || anchor.left > area.right) return null

  const above = anchor.top - gap - size.height
  const below = anchor.bottom + gap
  const lowest = area.bottom - margin - size.height
  let top: number
  let side: PopoverPlacement['side']
  if (above >= area.top + margin) {
    top = above
    side = 'above'
  } else if (below <= lowest) {
    top = below
    side = 'below'
  } else {
    // A passage taller than the room around it: the popover covers its visible part.
    top = clamp(above, area.top + margin, lowest)
    side = 'over'
  }

  const fitsArea = size.width <= area.right - area.left - 2 * margin
  const sides = fitsArea ? area : viewport
  const centre = (anchor.left + anchor.right) / 2
  const left = clamp(
    centre - size.width / 2,
    sides.left + margin,
    sides.right - margin - size.width,
  )
  return { left: Math.round(left), top: Math.round(top), side }
}

/** The part of `element` that is inside the window; the window when there is no element. */
function visibleArea(element: Element | null | undefined, viewport: ScreenBox): ScreenBox {
  if (!element) return viewport
  const box = element.getBoundingClientRect()
  return {
    left: Math.max(box.left, viewport.left),
    top: Math.max(box.top, viewport.top),
    right: Math.min(box.right, viewport.right),
    bottom: Math.min(box.bottom, viewport.bottom),
  }
}

function isEmpty(box: DOMRect | null | undefined): box is null | undefined {
  return !box || (box.width === 0 && box.height === 0)
}

export interface FollowOptions {
  /** The passage's box now (the live selection or highlight), or null when it cannot be found. */
  readonly locate: () => DOMRect | null | undefined
  /** The box last known, used while `locate` finds nothing (a button press took the selection). */
  readonly fallback: DOMRect
  /** The element whose visible part the popover must stay inside (the scrolling column). */
  readonly within: Element | null | undefined
}

/**
 * Keeps a `position: fixed` popover beside its passage and inside the reading column, every
 * frame while it is shown. Every frame, because the passage moves for reasons no single event
 * reports: the column scrolls, the window or side pane is resized, a toast takes its strip,
 * chunks of text above are laid out late and change size. The style is written only when the
 * place changes.
 */
export const followPassage: Action<HTMLElement, FollowOptions> = (node, initial) => {
  let options = initial
  let frame = 0
  let shown = ''

  function place(): void {
    const view = document.documentElement
    const viewport = { left: 0, top: 0, right: view.clientWidth, bottom: view.clientHeight }
    const live = options.locate()
    const anchor = isEmpty(live) ? options.fallback : live
    const placement = isEmpty(anchor)
      ? null
      : placePopover(
          anchor,
          { width: node.offsetWidth, height: node.offsetHeight },
          visibleArea(options.within, viewport),
          viewport,
        )
    const key = placement ? `${placement.left} ${placement.top} ${placement.side}` : 'hidden'
    if (key === shown) return
    shown = key
    node.style.visibility = placement ? '' : 'hidden'
    if (!placement) return
    node.style.left = `${placement.left}px`
    node.style.top = `${placement.top}px`
    node.dataset['side'] = placement.side
  }

  function loop(): void {
    place()
    frame = requestAnimationFrame(loop)
  }
  loop() // placed before its first paint, so it never shows at a wrong place

  return {
    update(next) {
      options = next
      place()
    },
    destroy() {
      cancelAnimationFrame(frame)
    },
  }
}
