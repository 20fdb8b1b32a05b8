import { resolve } from 'node:path'

/**
 * Where Lectern keeps its data: `--data-dir DIR` (or `--data-dir=DIR`) wins, then
 * LECTERN_DATA_DIR, then the OS's per-user app data folder.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultDir: string,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--data-dir' && argv[i + 1]) return resolve(argv[i + 1]!)
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length)
      return resolve(arg.slice('--data-dir='.length))
  }
  const fromEnv = env['LECTERN_DATA_DIR']
  return fromEnv ? resolve(fromEnv) : defaultDir
}
