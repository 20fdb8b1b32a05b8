import { fireEvent, render } from '@testing-library/svelte'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import ArticleText from '../../../src/renderer/src/components/ArticleText.svelte'
import type { DocumentText, OpenedDocument } from '../../../src/shared/model'
import { ShapedText } from './support/shaped-text'

const bridge = vi.hoisted(() => ({
  openExternal: vi.fn(async () => ({ ok: true, value: null })),
  getAsset: vi.fn(async () => ({ ok: true, value: 'data:image/png;base64,' })),
}))
vi.mock('../../../src/renderer/src/lib/api', () => ({ api: bridge }))

function opened(content: DocumentText): OpenedDocument {
  return {
    meta: {
      id: 'tide-guide',
      title: 'A Guide to the Tide Tables',
      language: 'en',
      format: 'markdown',
      importedAt: '2026-11-28T09:00:00.000Z',
      revision: { id: 'r1', hash: 'h', createdAt: '2026-11-28T09:00:00.000Z' },
      wordCount: 40,
    },
    content,
    annotations: { highlights: [] },
  }
}

const guide = new ShapedText()
  .block({ kind: 'title' }, 'A Guide to the Tide Tables')
  .block(
    { kind: 'paragraph' },
    'Questions go to ',
    ['the tide desk', { kind: 'link', href: 'mailto:tides@harbour.example.org' }],
    ' and the ',
    ['reference', { kind: 'link', href: 'https://harbour.example.org/tides' }],
    '.',
    ['1', { kind: 'footnote-ref', footnote: '1' }],
  )
  .block({ kind: 'paragraph' }, 'A hand-edited ', [
    'trap',
    { kind: 'link', href: 'javascript:alert(1)' },
  ])
  .block({ kind: 'footnote', footnote: '1' }, 'The gauge is the painted post.')
  .build()

beforeEach(() => {
  bridge.openExternal.mockClear()
  document.getSelection()?.removeAllRanges()
})

describe('the text of a shaped document', () => {
  it('opens a link of the text in the system browser on a click, only there', async () => {
    const { container } = render(ArticleText, { opened: opened(guide) })
    const link = [...container.querySelectorAll('a')].find((a) => a.textContent === 'reference')!
    const clicked = await fireEvent.click(link)
    expect(clicked).toBe(false) // the page itself never follows it
    expect(bridge.openExternal).toHaveBeenCalledExactlyOnceWith({
      url: 'https://harbour.example.org/tides',
    })
    await fireEvent.click(
      [...container.querySelectorAll('a')].find((a) => a.textContent === 'the tide desk')!,
    )
    expect(bridge.openExternal).toHaveBeenLastCalledWith({
      url: 'mailto:tides@harbour.example.org',
    })
  })

  it('shows a mark with a javascript: address as plain text: nothing there can be clicked', async () => {
    const { container } = render(ArticleText, { opened: opened(guide) })
    const trap = [...container.querySelectorAll('[data-segment-index]')].find((e) =>
      e.textContent?.includes('trap'),
    )!
    expect(trap.innerHTML).toBe('A hand-edited trap')
    expect(container.querySelector('a[href^="javascript"]')).toBeNull()
    await fireEvent.click(trap)
    expect(bridge.openExternal).not.toHaveBeenCalled()
  })

  it('checks an address again before opening it, whatever the page holds', async () => {
    const { container } = render(ArticleText, { opened: opened(guide) })
    const link = container.querySelector<HTMLAnchorElement>('a.text-link')!
    link.setAttribute('href', 'file:///etc/passwd')
    await fireEvent.click(link)
    expect(bridge.openExternal).not.toHaveBeenCalled()
  })

  it('does not open a link with the middle button, nor when a drag selected text on it', async () => {
    const { container } = render(ArticleText, { opened: opened(guide) })
    const link = container.querySelector<HTMLAnchorElement>('a.text-link')!
    expect(
      await fireEvent(
        link,
        new MouseEvent('auxclick', { button: 1, bubbles: true, cancelable: true }),
      ),
    ).toBe(false)
    const range = document.createRange()
    range.selectNodeContents(link)
    document.getSelection()!.addRange(range)
    await fireEvent.click(link)
    expect(bridge.openExternal).not.toHaveBeenCalled()
  })

  it('goes from a footnote reference to its footnote', async () => {
    const onfootnote = vi.fn()
    const { container } = render(ArticleText, { opened: opened(guide), onfootnote })
    const reference = container.querySelector<HTMLElement>('sup a.footnote-ref')!
    expect(reference.textContent).toBe('1')
    await fireEvent.click(reference)
    expect(onfootnote).toHaveBeenCalledExactlyOnceWith(3)
    expect(document.activeElement?.textContent).toBe('The gauge is the painted post.')
    expect(bridge.openExternal).not.toHaveBeenCalled()
  })

  it('gives a figure one caption: the alt text stays in the text but is not printed again', async () => {
    const figure = new ShapedText()
      .block({ kind: 'figure-alt', asset: '0123456789abcdef.png' }, 'A grey heron in the water')
      .block({ kind: 'figure-caption' }, 'The grey heron at dawn.')
      .build()
    const { container, findByRole } = render(ArticleText, { opened: opened(figure) })
    expect((await findByRole('img')).getAttribute('alt')).toBe('A grey heron in the water')
    const alt = container.querySelector('[data-segment-index="0"]')!
    expect(alt.textContent).toBe('A grey heron in the water')
    expect(alt.getAttribute('aria-hidden')).toBe('true')
    expect(alt.classList.contains('is-hidden')).toBe(true)
    expect(container.querySelectorAll('figcaption')).toHaveLength(1)
    expect(container.querySelector('figcaption')!.textContent?.trim()).toBe(
      'The grey heron at dawn.',
    )
  })

  it('shows the alt text in the place of a picture that cannot be loaded', async () => {
    bridge.getAsset.mockResolvedValueOnce({
      ok: false,
      error: { code: 'not-found', message: 'gone' },
    } as never)
    const figure = new ShapedText()
      .block({ kind: 'figure-alt', asset: '0123456789abcdef.png' }, 'A grey heron in the water')
      .build()
    const { container, findByText } = render(ArticleText, { opened: opened(figure) })
    await findByText('Picture could not be loaded.')
    const alt = container.querySelector('[data-segment-index="0"]')!
    expect(alt.getAttribute('aria-hidden')).toBeNull()
    expect(alt.classList.contains('is-hidden')).toBe(false)
    expect(container.querySelector('figcaption')).toBeNull()
  })
})
