import { basename, dirname, join } from 'node:path'
import { hasErrorCode, type StoreFs } from './store-fs'

/** How many copies of each file the rotation keeps. */
export const backupsPerFile = 5

/** A file-name-safe form of an ISO time, sortable as text: 2026-11-28T15-46-38-123Z. */
export function fileStamp(isoTime: string): string {
  return isoTime.replace(/[:.]/g, '-')
}

/** Copies and restores whole data files under `<dataDir>/backups/`, mirroring their paths. */
export class Backups {
  readonly #dataDir: string
  readonly #fs: StoreFs

  constructor(dataDir: string, fs: StoreFs) {
    this.#dataDir = dataDir
    this.#fs = fs
  }

  /** Copies the file at `relPath` (if it exists) and drops the oldest copies beyond the limit. */
  async save(relPath: string, nowIso: string): Promise<string | null> {
    const source = join(this.#dataDir, relPath)
    const target = this.#backupPath(relPath, fileStamp(nowIso))
    await this.#fs.mkdir(dirname(target), { recursive: true })
    try {
      await this.#fs.copyFile(source, target)
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT')) return null
      throw error
    }
    const stale = (await this.list(relPath)).slice(backupsPerFile)
    await Promise.all(stale.map((path) => this.#fs.unlink(path).catch(() => undefined)))
    return target
  }

  /** Paths of the backups of `relPath`, newest first. */
  async list(relPath: string): Promise<string[]> {
    const folder = dirname(this.#backupPath(relPath, 'x'))
    const prefix = `${basename(relPath)}.`
    let names: string[]
    try {
      names = await this.#fs.readdir(folder)
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT')) return []
      throw error
    }
    return names
      .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
      .sort()
      .reverse()
      .map((name) => join(folder, name))
  }

  #backupPath(relPath: string, stamp: string): string {
    return join(this.#dataDir, 'backups', `${relPath}.${stamp}.bak`)
  }
}
