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
    title: 'Anywhere',
    shortcuts: [
      { keys: ['l'], action: 'Go to the library' },
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
