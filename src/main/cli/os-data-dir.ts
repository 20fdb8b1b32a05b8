import { join } from 'node:path'

/**
 * The data folder the app uses by default, found without Electron: Electron's per-user app data
 * folder for an app named "Lectern", plus "library".
 */
export function osDataDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  home: string,
): string {
  if (platform === 'darwin')
    return join(home, 'Library', 'Application Support', 'Lectern', 'library')
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Lectern', 'library')
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'Lectern', 'library')
}
