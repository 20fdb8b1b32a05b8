/**
 * The elements under `root` with this local name, in document order. A walk over sibling
 * pointers: jsdom's live collections (`getElementsByTagName`) are slow to go through, so a
 * book's table of contents of 6,000 entries took over five seconds that way, a few ms this way.
 * Iterative, so no nesting depth can overflow the stack.
 */
export function* descendantsNamed(root: ParentNode, localName: string): Generator<Element> {
  let node = root.firstElementChild
  while (node) {
    if (node.localName === localName) yield node
    if (node.firstElementChild) {
      node = node.firstElementChild
      continue
    }
    let current: Element | null = node
    while (current && !current.nextElementSibling) {
      const parent: ParentNode | null = current.parentNode as ParentNode | null
      current = parent && parent !== root ? (parent as Element) : null
    }
    node = current ? current.nextElementSibling : null
  }
}

/** The first element under `root` with this local name, or null. */
export function firstDescendantNamed(root: ParentNode, localName: string): Element | null {
  for (const element of descendantsNamed(root, localName)) return element
  return null
}

/**
 * The first element under `root` (in document order) for which `isWanted` holds, or null. The
 * same iterative walk: stops at the first match.
 */
export function firstDescendantWhere(
  root: ParentNode,
  isWanted: (element: Element) => boolean,
): Element | null {
  let node = root.firstElementChild
  while (node) {
    if (isWanted(node)) return node
    if (node.firstElementChild) {
      node = node.firstElementChild
      continue
    }
    let current: Element | null = node
    while (current && !current.nextElementSibling) {
      const parent: ParentNode | null = current.parentNode as ParentNode | null
      current = parent && parent !== root ? (parent as Element) : null
    }
    node = current ? current.nextElementSibling : null
  }
  return null
}
