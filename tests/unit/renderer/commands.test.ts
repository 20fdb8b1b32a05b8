import { describe, expect, it } from 'vitest'
import {
  commandForKey,
  commands,
  describeKey,
  parseChord,
  type CommandId,
  type CommandScope,
} from '../../../src/renderer/src/lib/commands'
import { shortcutGroups } from '../../../src/renderer/src/lib/shortcuts'

const press = (
  key: string,
  modifiers: Partial<{
    ctrlKey: boolean
    metaKey: boolean
    shiftKey: boolean
    altKey: boolean
  }> = {},
) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers })

/** The key press a written key makes on a US keyboard (Shift gives `?` and `+`). */
function pressOf(written: string) {
  const chord = parseChord(written)
  const shiftedCharacters = '?+'
  return press(chord.shift && chord.ctrl ? chord.key.toUpperCase() : chord.key, {
    ctrlKey: chord.ctrl,
    shiftKey: chord.shift || shiftedCharacters.includes(chord.key),
  })
}

const entries = Object.entries(commands) as [CommandId, (typeof commands)[CommandId]][]

describe('the command registry', () => {
  it('maps c in the reader to making a card (it was advertised and did nothing)', () => {
    expect(commandForKey('reader', press('c'))).toBe('make-card')
    expect(commandForKey('reader', press('c', { ctrlKey: true }))).toBeNull()
  })

  it('finds every listed key back as its own command, in its own scope', () => {
    for (const [id, command] of entries)
      for (const written of command.keys)
        expect(commandForKey(command.scope, pressOf(written)), `${written} → ${id}`).toBe(id)
  })

  it('binds no key twice among the commands that can act at the same time', () => {
    // The app-wide commands act beside the reader's or the review screen's.
    const together: CommandScope[][] = [
      ['app', 'reader'],
      ['app', 'review'],
    ]
    for (const scopes of together) {
      const seen = new Map<string, CommandId>()
      for (const [id, command] of entries) {
        if (!scopes.includes(command.scope)) continue
        for (const written of command.keys) {
          expect(seen.get(written), `${written} is bound to ${seen.get(written)} and ${id}`).toBe(
            undefined,
          )
          seen.set(written, id)
        }
      }
    }
  })

  it('keeps Shift apart for named keys and inside the character for the others', () => {
    expect(commandForKey('reader', press('ArrowRight', { shiftKey: true }))).toBe('grow-by-word')
    expect(commandForKey('reader', press('ArrowUp', { shiftKey: true }))).toBe('shrink-by-sentence')
    expect(commandForKey('reader', press('ArrowDown'))).toBeNull()
    expect(commandForKey('reader', press('C', { shiftKey: true }))).toBeNull()
    expect(commandForKey('app', press('?', { shiftKey: true }))).toBe('show-shortcuts')
    expect(commandForKey('review', press(' ', { shiftKey: true }))).toBeNull()
  })

  it('takes Cmd for Ctrl and leaves Alt chords alone', () => {
    expect(commandForKey('reader', press('z', { metaKey: true }))).toBe('undo')
    expect(commandForKey('reader', press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo')
    expect(commandForKey('reader', press('y', { metaKey: true }))).toBe('redo')
    expect(commandForKey('app', press('K', { ctrlKey: true }))).toBe('search')
    expect(commandForKey('reader', press('h', { altKey: true }))).toBeNull()
    expect(commandForKey('reader', press('x'))).toBeNull()
  })

  it('only acts in its own scope', () => {
    expect(commandForKey('review', press('s'))).toBe('suspend-card')
    expect(commandForKey('reader', press('s'))).toBe('select-sentence')
    expect(commandForKey('reader', press('l'))).toBeNull()
  })

  it('writes keys as a person reads them', () => {
    expect(
      ['Ctrl+Shift+z', 'Shift+ArrowRight', 'Escape', 'Space', '+', 'Ctrl+k', 'PageDown'].map(
        describeKey,
      ),
    ).toEqual(['Ctrl+Shift+Z', 'Shift+→', 'Esc', 'Space', '+', 'Ctrl+K', 'Page Down'])
  })
})

describe('the shortcuts overlay list', () => {
  it('lists every command once, with its keys, under its group', () => {
    const listed = shortcutGroups.flatMap((group) => group.shortcuts.map((s) => s.action))
    for (const [, command] of entries)
      expect(listed.filter((action) => action === command.label)).toHaveLength(1)
    const makeCard = shortcutGroups
      .find((group) => group.title === 'Highlights and notes')
      ?.shortcuts.find((shortcut) => shortcut.keys.includes('c'))
    expect(makeCard?.action).toBe('Make a flashcard from the highlight')
  })

  it('gives every row its own action, so the overlay can key its rows by it', () => {
    for (const group of shortcutGroups) {
      const actions = group.shortcuts.map((shortcut) => shortcut.action)
      expect(new Set(actions).size).toBe(actions.length)
    }
  })
})
