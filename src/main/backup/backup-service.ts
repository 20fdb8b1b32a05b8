import * as fs from 'node:fs/promises'
import { join } from 'node:path'
import { ok, type Result } from '../../shared/ipc/result'
import type { BackupInfo } from '../../shared/model'
import { localDay } from '../services/local-day'
import { storageFailure } from '../services/storage-failure'
import { writeFileDurably } from '../store/durable-json-adapter'
import { realFs } from '../store/store-fs'
import { createBackupArchive } from './backup-archive'
import { backupsToKeep } from './backup-rotation'

const archivePattern = /^lectern-(manual|daily)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.zip$/

/**
 * Whole-library backups: "Back up now" and the automatic daily backup, written as zip archives
 * to `<dataDir>/archives/`. Daily ones rotate (7 daily, 4 weekly); manual ones are the reader's
 * to delete.
 */
export class BackupService {
  readonly #dataDir: string
  readonly #now: () => string

  constructor(dataDir: string, now: () => string) {
    this.#dataDir = dataDir
    this.#now = now
  }

  get folder(): string {
    return join(this.#dataDir, 'archives')
  }

  /** Writes a backup archive now. */
  backUpNow(): Promise<Result<BackupInfo, 'storage-failed' | 'read-only'>> {
    return this.#write('manual')
  }

  /** Writes today's automatic backup unless there is one, then drops the ones rotation lets go. */
  async runDaily(): Promise<Result<BackupInfo | null, 'storage-failed' | 'read-only'>> {
    const today = localDay(this.#now())
    const existing = await this.list()
    if (existing.some((backup) => backup.kind === 'daily' && localDay(backup.createdAt) === today))
      return ok(null)
    const written = await this.#write('daily')
    if (!written.ok) return written
    await this.#prune()
    return written
  }

  /** Archives in the folder, newest first. */
  async list(): Promise<BackupInfo[]> {
    const names = await fs.readdir(this.folder).catch(() => [] as string[])
    const backups: BackupInfo[] = []
    for (const name of names) {
      const match = archivePattern.exec(name)
      if (!match) continue
      const stat = await fs.stat(join(this.folder, name)).catch(() => null)
      if (!stat) continue
      const [, kind, day, hh, mm, ss] = match
      backups.push({
        name,
        path: join(this.folder, name),
        sizeBytes: stat.size,
        kind: kind as BackupInfo['kind'],
        createdAt: new Date(`${day}T${hh}:${mm}:${ss}`).toISOString(),
      })
    }
    return backups.sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name),
    )
  }

  async #write(
    kind: BackupInfo['kind'],
  ): Promise<Result<BackupInfo, 'storage-failed' | 'read-only'>> {
    const createdAt = this.#now()
    const name = `lectern-${kind}-${archiveStamp(createdAt)}.zip`
    const path = join(this.folder, name)
    try {
      const bytes = await createBackupArchive(this.#dataDir, createdAt)
      await fs.mkdir(this.folder, { recursive: true })
      await writeFileDurably(realFs, path, bytes)
      return ok({ name, path, sizeBytes: bytes.length, kind, createdAt })
    } catch (error) {
      return storageFailure(error, 'the backup')
    }
  }

  async #prune(): Promise<void> {
    const daily = (await this.list()).filter((backup) => backup.kind === 'daily')
    const keep = backupsToKeep(daily.map((b) => ({ name: b.name, day: localDay(b.createdAt) })))
    for (const backup of daily)
      if (!keep.has(backup.name)) await fs.unlink(backup.path).catch(() => undefined)
  }
}

/** The local time of a moment as `2026-11-28T18-11-00`, for archive names. */
function archiveStamp(isoTime: string): string {
  const date = new Date(isoTime)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${localDay(isoTime)}T${pad(date.getHours())}-${pad(date.getMinutes())}-${pad(date.getSeconds())}`
}
