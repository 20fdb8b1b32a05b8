import DOMPurify from 'dompurify'
import { afterEach, describe, expect, it, vi } from 'vitest'
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

describe('renderMarkdown keeps what it rendered', () => {
  afterEach(() => vi.restoreAllMocks())

  it('parses a note once, however often its card is made again', () => {
    const sanitize = vi.spyOn(DOMPurify, 'sanitize')
    const first = renderMarkdown('A note made *once*, shown twice.')
    const second = renderMarkdown('A note made *once*, shown twice.')
    expect(second).toBe(first)
    expect(sanitize).toHaveBeenCalledTimes(1)
  })

  it('parses a changed note again', () => {
    expect(renderMarkdown('Before the **change**')).toContain('<strong>change</strong>')
    expect(renderMarkdown('After the *change*')).toContain('<em>change</em>')
  })

  it('forgets the oldest notes once a thousand others were rendered after them', () => {
    renderMarkdown('The oldest note')
    for (let index = 0; index < 1_000; index++) renderMarkdown(`Note ${index}`)
    const sanitize = vi.spyOn(DOMPurify, 'sanitize')
    renderMarkdown('Note 999')
    expect(sanitize).not.toHaveBeenCalled()
    renderMarkdown('The oldest note')
    expect(sanitize).toHaveBeenCalledTimes(1)
  })
})

describe('withAlpha', () => {
  it('turns a hex colour into a translucent rgb()', () => {
    expect(withAlpha('#f2c230', 0.4)).toBe('rgb(242 194 48 / 0.4)')
  })
})
