import { describe, expect, it } from 'vitest'
import { parsePageDocument } from '../../../../../src/main/importing/html/page-document'
import { pruneUnreadable } from '../../../../../src/main/importing/html/prune-unreadable'

const pruned = (markup: string) => {
  const { body } = parsePageDocument(`<html><head></head><body>${markup}</body></html>`)
  pruneUnreadable(body)
  return body.innerHTML
}

describe('pruneUnreadable', () => {
  it.each([
    '<script>run()</script>',
    '<STYLE>p { color: red }</STYLE>',
    '<template><p>later</p></template>',
    '<noscript><p>Please enable JavaScript.</p></noscript>',
    '<iframe src="https://example.org/">frame</iframe>',
    '<object data="x.swf"><p>fallback</p></object>',
    '<svg><text>drawn</text></svg>',
    '<math><mi>x</mi></math>',
    '<video><source src="v.mp4">Your browser cannot play this.</video>',
    '<select><option>One</option></select><textarea>typed</textarea><button>Go</button><input value="v">',
    '<title>Stray title</title><meta name="x" content="y"><link rel="stylesheet" href="s.css">',
  ])('removes %s with all it holds', (markup) => {
    expect(pruned(`<p>Kept.</p>${markup}<p>Also kept.</p>`)).toBe('<p>Kept.</p><p>Also kept.</p>')
  })

  it('removes unreadable elements however deep they sit', () => {
    expect(pruned(`<ul><li>One <span><script>run()</script>item</span></li></ul>`)).toBe(
      '<ul><li>One <span>item</span></li></ul>',
    )
  })

  it('unwraps a form, keeping its words and dropping its controls', () => {
    expect(
      pruned('<form action="https://example.org/"><p>The page inside a form.</p><input></form>'),
    ).toBe('<p>The page inside a form.</p>')
  })

  it('walks nesting thousands of levels deep', () => {
    const depth = 5_000
    expect(
      pruned(`${'<div>'.repeat(depth)}<script>run()</script>Deep.${'</div>'.repeat(depth)}`),
    ).toBe(`${'<div>'.repeat(depth)}Deep.${'</div>'.repeat(depth)}`)
  })
})
