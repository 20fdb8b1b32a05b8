import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { buildMenuTemplate } from '../../../../src/main/windows/application-menu'

const options = {
  appName: 'Lectern',
  isDev: false,
  onAbout: () => undefined,
  onShowShortcuts: () => undefined,
  onUndo: () => undefined,
  onOpenFiles: () => undefined,
  onExport: () => undefined,
  onBackUp: () => undefined,
  onCheckLibrary: () => undefined,
  onRedo: () => undefined,
}

function roles(template: MenuItemConstructorOptions[], label: string): string[] {
  const menu = template.find((item) => item.label === label)
  return (menu?.submenu as MenuItemConstructorOptions[]).map(
    (item) => item.role ?? item.label ?? item.type ?? '',
  )
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help with the usual items', () => {
    const template = buildMenuTemplate({ ...options, isMac: false })
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Help'])
    expect(roles(template, '&File')).toEqual(
      expect.arrayContaining(['Open…', 'Export…', 'Back Up Now', 'quit']),
    )
    expect(roles(template, '&Edit')).toEqual(
      expect.arrayContaining(['Undo', 'Redo', 'cut', 'copy', 'paste', 'selectAll']),
    )
    expect(roles(template, '&View')).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    )
    expect(roles(template, '&Help')).toEqual(
      expect.arrayContaining(['Keyboard Shortcuts', 'About Lectern']),
    )
    expect(roles(template, '&View')).not.toContain('toggleDevTools')
  })

  it('adds the app menu on macOS and developer tools only in development', () => {
    const mac = buildMenuTemplate({ ...options, isMac: true, isDev: true })
    expect(mac[0]?.label).toBe('Lectern')
    expect(roles(mac, '&View')).toContain('toggleDevTools')
  })
})
