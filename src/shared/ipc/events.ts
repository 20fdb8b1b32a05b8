/** Messages main sends to the window unasked. A name is its channel. */
export interface Events {
  /** The Help menu asked for the keyboard shortcuts overlay. */
  showShortcuts: null
  /** File → Open…: files were chosen; the window takes them with `takeChosenFiles`. */
  openFiles: null
  /** Edit → Undo, when the focus is not in a text field. */
  undo: null
  /** Edit → Redo, when the focus is not in a text field. */
  redo: null
  /** A `lectern://` link arrived: the window takes it with `takeOpenedLinks`. */
  openLink: null
  /** File → Back up now. */
  backUpNow: null
  /** File → Export…: the window opens its export dialog. */
  showExport: null
  /** File → Check library…: the window runs the check and shows what it found. */
  checkLibrary: null
}

/** Every event name, for the preload to forward. */
export const eventNames = [
  'showShortcuts',
  'openFiles',
  'undo',
  'redo',
  'openLink',
  'backUpNow',
  'showExport',
  'checkLibrary',
] as const satisfies readonly (keyof Events)[]

// Every event must be forwarded by the preload: a missing name makes this type `false`.
type MissingEvents = Exclude<keyof Events, (typeof eventNames)[number]>
const everyEventListed: [MissingEvents] extends [never] ? true : false = true
void everyEventListed

/** The DOM event the preload dispatches on `window` for a main-process event. */
export function domEventName(name: keyof Events): string {
  return `lectern:${name}`
}
