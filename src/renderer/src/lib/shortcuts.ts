import {
  builtInKeys,
  commandForKey,
  commands,
  describeKey,
  shortcutGroupTitles,
  type CommandHandler,
  type CommandHandlers,
  type CommandScope,
  type CommandSpec,
  type ShortcutGroup,
} from './commands'

/** One keyboard shortcut, as the overlay and the README list it. */
export interface Shortcut {
  /** The keys as a person reads them; any one of them does it. */
  readonly keys: readonly string[]
  readonly action: string
}

/** Every shortcut, grouped for the `?` overlay and the README: the commands and the built-in keys. */
export const shortcutGroups: readonly { title: string; shortcuts: readonly Shortcut[] }[] = (
  Object.keys(shortcutGroupTitles) as ShortcutGroup[]
).map((group) => ({
  title: shortcutGroupTitles[group],
  shortcuts: [
    ...(Object.values(commands) as CommandSpec[]).filter((command) => command.group === group),
    ...builtInKeys.filter((entry) => entry.group === group),
  ].map((entry) => ({ keys: entry.keys.map(describeKey), action: entry.label })),
}))

/** The README's "Keyboard shortcuts" tables, made from `shortcutGroups` (checked by a test). */
export function shortcutsMarkdown(): string {
  const code = (key: string) => (key.includes('`') ? key : `\`${key}\``)
  return shortcutGroups
    .map((group) =>
      [
        `### ${group.title}`,
        '',
        '| keys | action |',
        '| --- | --- |',
        ...group.shortcuts.map(
          (shortcut) => `| ${shortcut.keys.map(code).join(' or ')} | ${shortcut.action} |`,
        ),
      ].join('\n'),
    )
    .join('\n\n')
}

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

/**
 * Runs the command of `scope` that a key press asks for, and keeps the key from the page when the
 * command acted. Nothing acts on a key another handler already took, while typing in a field or
 * while a dialog is open, except the app-wide Ctrl chords (Ctrl+K searches from anywhere).
 */
export function runCommandKey<S extends CommandScope>(
  event: KeyboardEvent,
  scope: S,
  handlers: CommandHandlers<S>,
): void {
  if (event.defaultPrevented) return
  const id = commandForKey(scope, event)
  if (id === null) return
  // The key matched a chord of this scope, so Ctrl (or Cmd) held means a Ctrl chord was pressed.
  const actsEverywhere = scope === 'app' && (event.ctrlKey || event.metaKey)
  if (!actsEverywhere && isShortcutBlocked(event.target)) return
  const handler: CommandHandler = handlers[id]
  if (handler() !== false) event.preventDefault()
}
