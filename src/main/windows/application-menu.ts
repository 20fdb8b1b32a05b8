import type { MenuItemConstructorOptions } from 'electron'

/** What the menu needs to know about the platform and build. */
export interface MenuOptions {
  readonly appName: string
  readonly isMac: boolean
  readonly isDev: boolean
  /** Shows the About panel. */
  readonly onAbout: () => void
  /** Opens the shortcuts overlay in the window. */
  readonly onShowShortcuts: () => void
  /** File → Open…: shows the system's open dialog and hands the files to the window. */
  readonly onOpenFiles: () => void
  /** File → Export…: the window's export dialog. */
  readonly onExport: () => void
  /** File → Back Up Now. */
  readonly onBackUp: () => void
  /** File → Check Library…: the window runs the check and shows the report. */
  readonly onCheckLibrary: () => void
  /** Undo and redo go to the window, which undoes text edits or highlight changes. */
  readonly onUndo: () => void
  readonly onRedo: () => void
}

/** The application menu: File, Edit, View, Help (plus the app menu on macOS). */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = options.isMac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : []
  return [
    ...appMenu,
    {
      label: '&File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: options.onOpenFiles },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: options.onExport },
        { type: 'separator' },
        { label: 'Back Up Now', click: options.onBackUp },
        { label: 'Check Library…', click: options.onCheckLibrary },
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: options.onUndo },
        {
          label: 'Redo',
          accelerator: options.isMac ? 'Shift+Cmd+Z' : 'Ctrl+Shift+Z',
          click: options.onRedo,
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.isDev
          ? [
              { type: 'separator' } as const,
              { role: 'reload' } as const,
              { role: 'toggleDevTools' } as const,
            ]
          : []),
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', click: options.onShowShortcuts },
        ...(options.isMac
          ? []
          : [
              { type: 'separator' } as const,
              { label: `About ${options.appName}`, click: options.onAbout },
            ]),
      ],
    },
  ]
}
