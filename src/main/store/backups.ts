import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { tempFileSuffix, writeFileDurably } from './durable-json-adapter'
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

  /**
   * Keeps a second copy of what was just saved (`backups/<path>.latest`), so that no
   * acknowledged change depends on one file staying readable: a damaged byte in the file is
   * repaired from this copy. Written after the file itself is durable, by rename but without
   * fsync (a power cut is the file's own write path's concern; the copy is checked before use).
   * When it cannot be written, the stale copy is removed, so an old state is never taken for
   * the last one.
   */
  async saveLatest(relPath: string, json: string): Promise<void> {
    const target = this.latestPath(relPath)
    const temp = `${target}.${process.pid}-${randomBytes(6).toString('hex')}${tempFileSuffix}`
    try {
      await this.#fs.mkdir(dirname(target), { recursive: true })
      const handle = await this.#fs.open(temp, 'wx', 0o600)
      try {
        await handle.writeFile(json)
      } finally {
        await handle.close()
      }
      await this.#fs.rename(temp, target)
    } catch {
      await this.#fs.unlink(temp).catch(() => undefined)
      await this.#fs.unlink(target).catch(() => undefined)
    }
  }

  /**
   * Notes durably that a repair could not bring everything back, so that a later `check` (in
   * another process, on another day) still says so once: the notice of the start that lost it
   * may never have been seen.
   */
  async recordLoss(message: string, atIso: string): Promise<void> {
    const losses = await this.#readLosses()
    losses.push({ at: atIso, message, isTold: false })
    await writeFileDurably(this.#fs, this.#lossesPath(), JSON.stringify(losses))
  }

  /** Losses no check has reported yet; they count as told from now on. */
  async takeUntoldLosses(): Promise<{ at: string; message: string }[]> {
    const losses = await this.#readLosses()
    const untold = losses.filter((loss) => !loss.isTold)
    if (untold.length === 0) return []
    await writeFileDurably(
      this.#fs,
      this.#lossesPath(),
      JSON.stringify(losses.map((loss) => ({ ...loss, isTold: true }))),
    ).catch(() => undefined)
    return untold.map(({ at, message }) => ({ at, message }))
  }

  async #readLosses(): Promise<{ at: string; message: string; isTold: boolean }[]> {
    try {
      const parsed: unknown = JSON.parse(await this.#fs.readFile(this.#lossesPath(), 'utf8'))
      return Array.isArray(parsed)
        ? parsed.filter(
            (loss): loss is { at: string; message: string; isTold: boolean } =>
              typeof loss?.at === 'string' && typeof loss?.message === 'string',
          )
        : []
    } catch {
      return []
    }
  }

  #lossesPath(): string {
    return join(this.#dataDir, 'backups', 'losses.json')
  }

  /** Where the copy of a file's last saved content is kept. */
  latestPath(relPath: string): string {
    return join(this.#dataDir, 'backups', `${relPath}.latest`)
  }

  /** Where the copy of a file's journal of small saves is kept. */
  journalCopyPath(relPath: string): string {
    return join(this.#dataDir, 'backups', `${relPath}.journal`)
  }

  #backupPath(relPath: string, stamp: string): string {
    return join(this.#dataDir, 'backups', `${relPath}.${stamp}.bak`)
  }
}
