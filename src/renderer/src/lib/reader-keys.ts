/** What a key press in the reader asks for. */
export type ReaderCommand =
  | 'larger'
  | 'smaller'
  | 'theme'
  | 'side-pane'
  | 'undo'
  | 'redo'
  | 'highlight'
  | 'select-sentence'
  | 'next'
  | 'previous'
  | 'actions'
  | 'open-note'
  | 'delete'
  | 'escape'
  | 'make-card'
  | 'extend-word-forward'
  | 'extend-word-backward'
  | 'extend-sentence-forward'
  | 'extend-sentence-backward'

/** Keys without modifiers and what they do in the reader (also listed in shortcuts.ts). */
const plainKeys: Record<string, ReaderCommand> = {
  '+': 'larger',
  '=': 'larger',
  '-': 'smaller',
  t: 'theme',
  '\\': 'side-pane',
  h: 'highlight',
  s: 'select-sentence',
  n: 'next',
  p: 'previous',
  a: 'actions',
  c: 'make-card',
  Enter: 'open-note',
  Delete: 'delete',
  Escape: 'escape',
}

/** The command a key press means in the reader, or null for keys it leaves alone. */
export function readerCommand(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
): ReaderCommand | null {
  const isCommand = event.ctrlKey || event.metaKey
  if (isCommand) {
    const key = event.key.toLowerCase()
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo'
    if (key === 'y') return 'redo'
    return null
  }
  if (event.shiftKey && shiftArrows[event.key]) return shiftArrows[event.key]!
  return plainKeys[event.key] ?? null
}

/** Shift+arrows grow or shrink a selection in the text, by word or by sentence. */
const shiftArrows: Record<string, ReaderCommand> = {
  ArrowRight: 'extend-word-forward',
  ArrowLeft: 'extend-word-backward',
  ArrowDown: 'extend-sentence-forward',
  ArrowUp: 'extend-sentence-backward',
}
