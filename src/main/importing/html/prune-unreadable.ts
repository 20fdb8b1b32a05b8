/**
 * Elements whose content is not the page's text, removed with everything inside them: code and
 * styles (`<script>`, `<style>`, `<template>`), what scripting or plugins would show (`<noscript>`,
 * `<iframe>`, `<object>`, `<embed>`), drawings and formulas whose text is no prose (`<svg>`,
 * `<math>`), media, form controls, and the document's head. DOMPurify drops the same contents
 * (its FORBID_CONTENTS); this adds the controls, whose labels and values are no reading either.
 */
const unreadableTags = new Set([
  'applet',
  'audio',
  'base',
  'button',
  'canvas',
  'datalist',
  'embed',
  'frame',
  'frameset',
  'head',
  'iframe',
  'input',
  'link',
  'math',
  'meta',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'optgroup',
  'option',
  'output',
  'param',
  'plaintext',
  'portal',
  'script',
  'select',
  'source',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'track',
  'video',
  'xmp',
])

/**
 * Removes, in place, every element under `root` whose content is not text to read (see
 * `unreadableTags`), and unwraps `<form>`s: a page laid out inside one keeps its words, and the
 * form's controls are gone. Safety does not rest on this: the block walker emits only Lectern's
 * own blocks and marks, and `confineToModel` checks them. This keeps the text what a reader sees.
 * Iterative: no nesting depth can overflow the stack.
 */
export function pruneUnreadable(root: Element): void {
  const unreadable: Element[] = []
  const forms: Element[] = []
  let node = root.firstElementChild
  while (node) {
    const name = node.localName.toLowerCase()
    const isUnreadable = unreadableTags.has(name)
    if (isUnreadable) unreadable.push(node)
    else if (name === 'form') forms.push(node)
    node =
      !isUnreadable && node.firstElementChild ? node.firstElementChild : nextOutside(node, root)
  }
  for (const element of unreadable) element.remove()
  for (const form of forms) {
    const parent = form.parentNode
    if (!parent) continue
    while (form.firstChild) parent.insertBefore(form.firstChild, form)
    form.remove()
  }
}

/** The next element after `node`'s subtree, within `root`, in document order. */
function nextOutside(node: Element, root: Element): Element | null {
  for (let current: Element | null = node; current && current !== root;) {
    if (current.nextElementSibling) return current.nextElementSibling
    const parent: ParentNode | null = current.parentNode
    current = parent && parent !== root ? (parent as Element) : null
  }
  return null
}
