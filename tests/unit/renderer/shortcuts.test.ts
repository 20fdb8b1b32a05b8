import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CommandHandlers } from '../../../src/renderer/src/lib/commands'
import { runCommandKey } from '../../../src/renderer/src/lib/shortcuts'

/** Handlers for every reader command, each a spy; `make-card` answers what `made` says. */
function readerHandlers(): CommandHandlers<'reader'> {
  return {
    'text-larger': vi.fn(),
    'text-smaller': vi.fn(),
    'next-theme': vi.fn(),
    'toggle-side-pane': vi.fn(),
    'select-sentence': vi.fn(),
    'grow-by-word': vi.fn(() => false),
    'shrink-by-word': vi.fn(),
    'grow-by-sentence': vi.fn(),
    'shrink-by-sentence': vi.fn(),
    highlight: vi.fn(),
    'next-highlight': vi.fn(),
    'previous-highlight': vi.fn(),
    'highlight-actions': vi.fn(),
    'open-note': vi.fn(),
    'make-card': vi.fn(),
    'delete-highlight': vi.fn(),
    'leave-highlight': vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
  }
}

/** Dispatches a key press at `target` and returns it, to see whether it was taken. */
function keydown(target: EventTarget, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })
  target.dispatchEvent(event)
  return event
}

describe('runCommandKey', () => {
  const listeners: ((event: KeyboardEvent) => void)[] = []
  const listen = (listener: (event: KeyboardEvent) => void) => {
    listeners.push(listener)
    window.addEventListener('keydown', listener)
  }
  afterEach(() => {
    for (const listener of listeners.splice(0)) window.removeEventListener('keydown', listener)
    document.body.replaceChildren()
  })

  it('runs c in the reader and keeps the key from the page', () => {
    const handlers = readerHandlers()
    listen((event) => runCommandKey(event, 'reader', handlers))
    expect(keydown(document.body, 'c').defaultPrevented).toBe(true)
    expect(handlers['make-card']).toHaveBeenCalledOnce()
  })

  it('leaves the key to the page when the command had nothing to act on', () => {
    const handlers = readerHandlers()
    listen((event) => runCommandKey(event, 'reader', handlers))
    expect(keydown(document.body, 'ArrowRight', { shiftKey: true }).defaultPrevented).toBe(false)
    expect(handlers['grow-by-word']).toHaveBeenCalledOnce()
  })

  it('does nothing while typing in a field, a text area or an editable element', () => {
    const handlers = readerHandlers()
    listen((event) => runCommandKey(event, 'reader', handlers))
    const editable = document.createElement('div')
    editable.contentEditable = 'true'
    document.body.append(
      document.createElement('input'),
      document.createElement('textarea'),
      editable,
    )
    for (const field of document.body.children) {
      expect(keydown(field, 'h').defaultPrevented).toBe(false)
      expect(keydown(field, 'z', { ctrlKey: true }).defaultPrevented).toBe(false)
    }
    expect(handlers.highlight).not.toHaveBeenCalled()
    expect(handlers.undo).not.toHaveBeenCalled()
  })

  it('stands still while a dialog is open and leaves its Escape to it', () => {
    const handlers = readerHandlers()
    listen((event) => runCommandKey(event, 'reader', handlers))
    const dialog = document.createElement('dialog')
    dialog.setAttribute('open', '')
    document.body.append(dialog)
    expect(keydown(dialog, 'Escape').defaultPrevented).toBe(false)
    expect(keydown(document.body, 't').defaultPrevented).toBe(false)
    expect(handlers['leave-highlight']).not.toHaveBeenCalled()
    expect(handlers['next-theme']).not.toHaveBeenCalled()
  })

  it('opens search with Ctrl+K even from a field, but not with / there', () => {
    const search = vi.fn()
    const handlers: CommandHandlers<'app'> = {
      'show-library': vi.fn(),
      'start-review': vi.fn(),
      search,
      'show-export': vi.fn(),
      'show-shortcuts': vi.fn(),
    }
    listen((event) => runCommandKey(event, 'app', handlers))
    const input = document.createElement('input')
    document.body.append(input)
    expect(keydown(input, '/').defaultPrevented).toBe(false)
    expect(search).not.toHaveBeenCalled()
    expect(keydown(input, 'k', { ctrlKey: true }).defaultPrevented).toBe(true)
    expect(search).toHaveBeenCalledOnce()
  })

  it('will not compile a scope whose handlers leave a command out', () => {
    const { 'make-card': left, ...others } = readerHandlers()
    // @ts-expect-error -- c would be advertised and do nothing: the type check refuses it
    const incomplete: CommandHandlers<'reader'> = others
    expect(left).toBeDefined()
    expect(Object.keys(incomplete)).not.toContain('make-card')
  })

  it('acts on no key another handler already took', () => {
    const handlers = readerHandlers()
    window.addEventListener('keydown', (event) => event.preventDefault(), { once: true })
    listen((event) => runCommandKey(event, 'reader', handlers))
    keydown(document.body, 'n')
    expect(handlers['next-highlight']).not.toHaveBeenCalled()
  })
})
