import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { BackupService } from '../../../../src/main/backup/backup-service'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

describe('BackupService', () => {
  const makeDir = tempDirs()

  it('writes one daily backup a day and rotates them down to 7 daily and 4 weekly', async () => {
    const dataDir = await makeDir()
    await servicesOn(dataDir)
    let now = new Date('2026-09-01T12:00:00')
    const backups = new BackupService(dataDir, () => now.toISOString())
    for (let day = 0; day < 45; day++) {
      const first = await backups.runDaily()
      expect(first.ok && first.value?.kind).toBe('daily')
      now = new Date(now.getTime() + 60 * 60 * 1000)
      expect(await backups.runDaily()).toEqual({ ok: true, value: null })
      now = new Date(now.getTime() + 23 * 60 * 60 * 1000)
    }
    const names = await readdir(backups.folder)
    expect(names.length).toBeGreaterThanOrEqual(7)
    expect(names.length).toBeLessThanOrEqual(11)
    const manual = await backups.backUpNow()
    expect(manual).toMatchObject({ ok: true, value: { kind: 'manual' } })
    expect((await backups.list())[0]!.kind).toBe('manual')
  })
})
