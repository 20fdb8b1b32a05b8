import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import {
  descendantsNamed,
  firstDescendantNamed,
  firstDescendantWhere,
} from '../../../../../src/main/importing/html/descendants-named'

describe('descendantsNamed', () => {
  it('finds the elements under a root in document order, and none beside it', () => {
    const { document } = new JSDOM(
      '<body><a id="before"></a><nav><a id="1"><a id="2"></a></a><ol><li><a id="3"></a></li></ol></nav><a id="after"></a></body>',
    ).window
    const nav = document.querySelector('nav')!
    expect([...descendantsNamed(nav, 'a')].map((a) => a.id)).toEqual(['1', '2', '3'])
    expect(firstDescendantNamed(nav, 'li')?.tagName).toBe('LI')
    expect(firstDescendantNamed(nav, 'img')).toBeNull()
  })

  it('walks nesting thousands of levels deep', () => {
    const depth = 2_000
    const { document } = new JSDOM(
      `<?xml version="1.0"?><r>${'<d>'.repeat(depth)}<t>deep</t>${'</d>'.repeat(depth)}</r>`,
      { contentType: 'application/xml' },
    ).window
    expect(firstDescendantNamed(document, 't')?.textContent).toBe('deep')
    expect([...descendantsNamed(document, 'd')]).toHaveLength(depth)
  })
})

describe('firstDescendantWhere', () => {
  it('finds the first match in document order, and null when there is none', () => {
    const { document } = new JSDOM(
      '<body><div><p id="a"><em id="b">x</em></p></div><table id="c"></table></body>',
    ).window
    expect(firstDescendantWhere(document.body, (e) => e.localName === 'em')?.id).toBe('b')
    expect(firstDescendantWhere(document.body, (e) => e.id !== '')?.id).toBe('a')
    expect(firstDescendantWhere(document.body, (e) => e.localName === 'pre')).toBeNull()
  })
})
