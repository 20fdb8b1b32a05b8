/** One keyboard shortcut, as the overlay and the README list it. */
export interface Shortcut {
  readonly keys: readonly string[]
  readonly action: string
}

/** Every shortcut of the reader, grouped for the `?` overlay. */
export const shortcutGroups: readonly { title: string; shortcuts: readonly Shortcut[] }[] = [
  {
    title: 'Reading',
    shortcuts: [
      { keys: ['↓', '↑'], action: 'Scroll a line' },
      { keys: ['Space', 'Page Down'], action: 'Scroll a page down' },
      { keys: ['Shift+Space', 'Page Up'], action: 'Scroll a page up' },
      { keys: ['Home', 'End'], action: 'Go to the start or the end' },
      { keys: ['+', '-'], action: 'Larger or smaller text' },
      { keys: ['t'], action: 'Next theme (light, sepia, dark)' },
      { keys: ['\\'], action: 'Show or hide the side pane' },
    ],
  },
  {
    title: 'Highlights and notes',
    shortcuts: [
      { keys: ['s'], action: 'Select the next sentence' },
      { keys: ['Shift+→', 'Shift+←'], action: 'Grow or shrink the selection by a word' },
      { keys: ['Shift+↓', 'Shift+↑'], action: 'Grow or shrink the selection by a sentence' },
      { keys: ['h'], action: 'Highlight the selection (first colour)' },
      { keys: ['n', 'p'], action: 'Next or previous highlight' },
      { keys: ['a'], action: 'Actions of the highlight: colour, note, delete' },
      { keys: ['Enter'], action: 'Open the highlight’s note' },
      { keys: ['Esc'], action: 'Back to the text (saves the note)' },
      { keys: ['Delete'], action: 'Delete the highlight' },
      { keys: ['Ctrl+Z', 'Ctrl+Shift+Z'], action: 'Undo or redo' },
      { keys: ['c'], action: 'Make a flashcard from the highlight' },
    ],
  },
  {
    title: 'Review',
    shortcuts: [
      { keys: ['r'], action: 'Start reviewing due cards' },
      { keys: ['Space', 'Enter'], action: 'Show the answer' },
      { keys: ['1', '2', '3', '4'], action: 'Again, Hard, Good, Easy' },
      { keys: ['u'], action: 'Undo the last answer' },
      { keys: ['e'], action: 'Edit the card' },
      { keys: ['s'], action: 'Suspend the card' },
      { keys: ['b'], action: 'Bury the card until tomorrow' },
      { keys: ['o'], action: 'Open the source passage in the reader' },
    ],
  },
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['l'], action: 'Go to the library' },
      { keys: ['/', 'Ctrl+K'], action: 'Search text, highlights and notes' },
      { keys: ['?'], action: 'Show these shortcuts' },
      { keys: ['Esc'], action: 'Close an overlay' },
    ],
  },
]

/** True when a key press belongs to a text field and must not trigger a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * True when a single-key shortcut must not act: the key goes to a text field, or a modal dialog
 * is open (the page behind it is inert; Escape belongs to the dialog, which closes).
 */
export function isShortcutBlocked(target: EventTarget | null): boolean {
  return isTypingTarget(target) || document.querySelector('dialog[open]') !== null
}
