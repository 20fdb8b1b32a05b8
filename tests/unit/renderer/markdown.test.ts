import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/renderer/src/lib/markdown'
import { withAlpha } from '../../../src/renderer/src/lib/highlight-painter'

describe('renderMarkdown', () => {
  it('renders emphasis, lists and https links', () => {
    const html = renderMarkdown('**Key** point\n\n- one\n- [source](https://www.heise.de/)')
    expect(html).toContain('<strong>Key</strong>')
    expect(html).toContain('<li>one</li>')
    expect(html).toContain('<a href="https://www.heise.de/">source</a>')
  })

  it('shows raw HTML as text and drops javascript: links (hostile notes in Chromium: e2e note-sanitising)', () => {
    const html = renderMarkdown(
      '<b onclick="x()">bold</b> <img src=x onerror=alert(1)> [x](javascript:alert(1))',
    )
    expect(html).toContain('&lt;b onclick=')
    expect(html).not.toMatch(/<b |<img|href="javascript:/i)
  })
})

describe('withAlpha', () => {
  it('turns a hex colour into a translucent rgb()', () => {
    expect(withAlpha('#f2c230', 0.4)).toBe('rgb(242 194 48 / 0.4)')
  })
})
