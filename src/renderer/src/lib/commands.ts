/**
 * Every keyboard command of Lectern, written once. The reader, the review screen and the app
 * shell bind their handlers from this table (each in a `Record` keyed by its commands' ids, so a
 * command listed here without a handler does not compile); the `?` overlay and the README's
 * "Keyboard shortcuts" section are made from it too.
 *
 * A key is written as Playwright names it: `Ctrl+` means Ctrl, or Cmd on a Mac; `Shift+` is part
 * of the key only for named keys (arrows, Space), since for a character the Shift is already in
 * the character (`?` is Shift+/ on many layouts).
 */

/** Where a command acts: in the reader, on the review screen, or in every view. */
export type CommandScope = 'reader' | 'review' | 'app'

/** The headings of the shortcuts overlay and the README table, in the order shown. */
export const shortcutGroupTitles = {
  reading: 'Reading',
  highlights: 'Highlights and notes',
  review: 'Review',
  anywhere: 'Anywhere',
} as const

/** A heading under which a shortcut is listed. */
export type ShortcutGroup = keyof typeof shortcutGroupTitles

/** A command as data: its keys, what it does in a few words, where it acts, where it is listed. */
export interface CommandSpec {
  readonly keys: readonly string[]
  readonly label: string
  readonly scope: CommandScope
  readonly group: ShortcutGroup
}

/** The commands, by id. Order is the order of the overlay within each group. */
export const commands = {
  'text-larger': { keys: ['+', '='], label: 'Larger text', scope: 'reader', group: 'reading' },
  'text-smaller': { keys: ['-'], label: 'Smaller text', scope: 'reader', group: 'reading' },
  'next-theme': {
    keys: ['t'],
    label: 'Next theme (light, sepia, dark)',
    scope: 'reader',
    group: 'reading',
  },
  'toggle-side-pane': {
    keys: ['\\'],
    label: 'Show or hide the side pane',
    scope: 'reader',
    group: 'reading',
  },
  'select-sentence': {
    keys: ['s'],
    label: 'Select the next sentence',
    scope: 'reader',
    group: 'highlights',
  },
  'grow-by-word': {
    keys: ['Shift+ArrowRight'],
    label: 'Grow the selection by a word',
    scope: 'reader',
    group: 'highlights',
  },
  'shrink-by-word': {
    keys: ['Shift+ArrowLeft'],
    label: 'Shrink the selection by a word',
    scope: 'reader',
    group: 'highlights',
  },
  'grow-by-sentence': {
    keys: ['Shift+ArrowDown'],
    label: 'Grow the selection by a sentence',
    scope: 'reader',
    group: 'highlights',
  },
  'shrink-by-sentence': {
    keys: ['Shift+ArrowUp'],
    label: 'Shrink the selection by a sentence',
    scope: 'reader',
    group: 'highlights',
  },
  highlight: {
    keys: ['h'],
    label: 'Highlight the selection (first colour)',
    scope: 'reader',
    group: 'highlights',
  },
  'next-highlight': {
    keys: ['n'],
    label: 'Go to the next highlight',
    scope: 'reader',
    group: 'highlights',
  },
  'previous-highlight': {
    keys: ['p'],
    label: 'Go to the previous highlight',
    scope: 'reader',
    group: 'highlights',
  },
  'highlight-actions': {
    keys: ['a'],
    label: 'The highlight’s actions: colour, note, card, link, delete',
    scope: 'reader',
    group: 'highlights',
  },
  'open-note': {
    keys: ['Enter'],
    label: 'Open the highlight’s note',
    scope: 'reader',
    group: 'highlights',
  },
  'make-card': {
    keys: ['c'],
    label: 'Make a flashcard from the highlight',
    scope: 'reader',
    group: 'highlights',
  },
  'delete-highlight': {
    keys: ['Delete'],
    label: 'Delete the highlight',
    scope: 'reader',
    group: 'highlights',
  },
  'leave-highlight': {
    keys: ['Escape'],
    label: 'Close the actions or the selection, or leave the highlight',
    scope: 'reader',
    group: 'highlights',
  },
  undo: { keys: ['Ctrl+z'], label: 'Undo', scope: 'reader', group: 'highlights' },
  redo: { keys: ['Ctrl+Shift+z', 'Ctrl+y'], label: 'Redo', scope: 'reader', group: 'highlights' },
  'show-answer': {
    keys: ['Space', 'Enter'],
    label: 'Show the answer',
    scope: 'review',
    group: 'review',
  },
  'grade-again': { keys: ['1'], label: 'Again', scope: 'review', group: 'review' },
  'grade-hard': { keys: ['2'], label: 'Hard', scope: 'review', group: 'review' },
  'grade-good': { keys: ['3'], label: 'Good', scope: 'review', group: 'review' },
  'grade-easy': { keys: ['4'], label: 'Easy', scope: 'review', group: 'review' },
  'undo-answer': { keys: ['u'], label: 'Undo the last answer', scope: 'review', group: 'review' },
  'edit-card': { keys: ['e'], label: 'Edit the card', scope: 'review', group: 'review' },
  'suspend-card': { keys: ['s'], label: 'Suspend the card', scope: 'review', group: 'review' },
  'bury-card': {
    keys: ['b'],
    label: 'Bury the card until tomorrow',
    scope: 'review',
    group: 'review',
  },
  'open-source': {
    keys: ['o'],
    label: 'Open the source passage in the reader',
    scope: 'review',
    group: 'review',
  },
  'show-library': { keys: ['l'], label: 'Go to the library', scope: 'app', group: 'anywhere' },
  'start-review': {
    keys: ['r'],
    label: 'Start reviewing due cards',
    scope: 'app',
    group: 'anywhere',
  },
  search: {
    keys: ['/', 'Ctrl+k'],
    label: 'Search text, highlights and notes',
    scope: 'app',
    group: 'anywhere',
  },
  'show-export': {
    keys: ['Ctrl+e'],
    label: 'Export, import and back up',
    scope: 'app',
    group: 'anywhere',
  },
  'show-shortcuts': { keys: ['?'], label: 'Show these shortcuts', scope: 'app', group: 'anywhere' },
} as const satisfies Record<string, CommandSpec>

/** The id of a keyboard command. */
export type CommandId = keyof typeof commands

/** The ids of the commands that act in one scope. */
export type CommandIdIn<S extends CommandScope> = {
  [Id in CommandId]: (typeof commands)[Id]['scope'] extends S ? Id : never
}[CommandId]

/**
 * What a command does when its key is pressed; returning false leaves the key to the page (the
 * command had nothing to act on, e.g. Shift+→ without a selection extends nothing).
 */
export type CommandHandler = () => boolean | void

/** The handlers of every command of one scope: a missing one is a compile error. */
export type CommandHandlers<S extends CommandScope> = Record<CommandIdIn<S>, CommandHandler>

/**
 * Keys that the browser or a focused control handles by itself, not a command: listed beside the
 * commands so the overlay and the README tell the whole story.
 */
export const builtInKeys = [
  { keys: ['ArrowDown', 'ArrowUp'], label: 'Scroll a line', group: 'reading' },
  { keys: ['Space', 'PageDown'], label: 'Scroll a page down', group: 'reading' },
  { keys: ['Shift+Space', 'PageUp'], label: 'Scroll a page up', group: 'reading' },
  { keys: ['Home', 'End'], label: 'Go to the start or the end', group: 'reading' },
  {
    keys: ['ArrowLeft', 'ArrowRight'],
    label: 'On the divider: resize the side pane (with Shift: faster)',
    group: 'reading',
  },
  {
    keys: ['Escape'],
    label: 'In a note: save it and go back to the text',
    group: 'highlights',
  },
  { keys: ['Escape'], label: 'Close an overlay or a dialog', group: 'anywhere' },
] as const satisfies readonly Omit<CommandSpec, 'scope'>[]

/** What a built-in key does, which names it. */
export type BuiltInKeyLabel = (typeof builtInKeys)[number]['label']

/** A key as written in the table, taken apart. */
export interface Chord {
  readonly key: string
  readonly ctrl: boolean
  readonly shift: boolean
}

/** Takes `Ctrl+Shift+z` apart into its modifiers and its key (`+` alone is the plus key). */
export function parseChord(written: string): Chord {
  let rest = written
  let ctrl = false
  let shift = false
  for (;;) {
    if (rest.startsWith('Ctrl+') && rest.length > 5) [ctrl, rest] = [true, rest.slice(5)]
    else if (rest.startsWith('Shift+') && rest.length > 6) [shift, rest] = [true, rest.slice(6)]
    else break
  }
  return { key: rest === 'Space' ? ' ' : rest, ctrl, shift }
}

/** Whether a key press is this chord (see the module comment for how Shift counts). */
export function isChordPressed(
  chord: Chord,
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): boolean {
  if (event.altKey || (event.ctrlKey || event.metaKey) !== chord.ctrl) return false
  const isCharacter = chord.key.length === 1 && chord.key !== ' '
  if (chord.ctrl) return event.key.toLowerCase() === chord.key && event.shiftKey === chord.shift
  if (!isCharacter && event.shiftKey !== chord.shift) return false
  return event.key === chord.key
}

/** The command of a scope that a key press asks for, or null for keys the scope leaves alone. */
export function commandForKey<S extends CommandScope>(
  scope: S,
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): CommandIdIn<S> | null {
  for (const [id, command] of Object.entries(commands) as [CommandId, CommandSpec][]) {
    if (command.scope !== scope) continue
    if (command.keys.some((written) => isChordPressed(parseChord(written), event)))
      return id as CommandIdIn<S>
  }
  return null
}

const keyNames: Record<string, string> = {
  ' ': 'Space',
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowDown: '↓',
  ArrowUp: '↑',
  Escape: 'Esc',
  PageDown: 'Page Down',
  PageUp: 'Page Up',
}

/** A key as a person reads it: `Ctrl+Shift+Z`, `Shift+→`, `Esc`. */
export function describeKey(written: string): string {
  const { key, ctrl, shift } = parseChord(written)
  const name = keyNames[key] ?? (ctrl ? key.toUpperCase() : key)
  return `${ctrl ? 'Ctrl+' : ''}${shift ? 'Shift+' : ''}${name}`
}
