import { describe, expect, it } from 'vitest'
import { readerCommand } from '../../../src/renderer/src/lib/reader-keys'

const key = (
  k: string,
  modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {},
) => readerCommand({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers })

describe('readerCommand', () => {
  it('maps the reader’s single keys', () => {
    expect(
      ['h', 'n', 'p', 's', 'Enter', 'Delete', 'Escape', '+', '-', 't'].map((k) => key(k)),
    ).toEqual([
      'highlight',
      'next',
      'previous',
      'select-sentence',
      'open-note',
      'delete',
      'escape',
      'larger',
      'smaller',
      'theme',
    ])
  })

  it('maps undo and redo with Ctrl or Cmd', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo')
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo')
    expect(key('y', { metaKey: true })).toBe('redo')
    expect(key('c', { ctrlKey: true })).toBeNull()
  })

  it('extends a selection with Shift and the arrows, and leaves other keys alone', () => {
    expect(key('ArrowRight', { shiftKey: true })).toBe('extend-word-forward')
    expect(key('ArrowUp', { shiftKey: true })).toBe('extend-sentence-backward')
    expect(key('ArrowDown')).toBeNull()
    expect(key('x')).toBeNull()
  })
})
