import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Backups, backupsPerFile, fileStamp } from '../../../../src/main/store/backups'
import { realFs } from '../../../../src/main/store/store-fs'
import { tempDirs } from '../../../support/temp-dir'

describe('Backups', () => {
  const makeDir = tempDirs()

  it('keeps the newest copies of a file and drops older ones', async () => {
    const dataDir = await makeDir()
    await writeFile(join(dataDir, 'library.json'), '{}')
    const backups = new Backups(dataDir, realFs)
    for (let day = 1; day <= 8; day++)
      await backups.save('library.json', `2026-11-0${day}T10:00:00.000Z`)
    const listed = await backups.list('library.json')
    expect(listed).toHaveLength(backupsPerFile)
    expect(listed[0]).toContain('2026-11-08T10-00-00-000Z')
    expect(await readdir(join(dataDir, 'backups'))).toHaveLength(backupsPerFile)
  })

  it('mirrors document paths and does not mix up files of the same name', async () => {
    const dataDir = await makeDir()
    const backups = new Backups(dataDir, realFs)
    for (const id of ['a', 'b']) {
      await realFs.mkdir(join(dataDir, 'documents', id), { recursive: true })
      await writeFile(join(dataDir, 'documents', id, 'content.json'), id)
      await backups.save(`documents/${id}/content.json`, '2026-11-28T10:00:00.000Z')
    }
    expect(await backups.list('documents/a/content.json')).toHaveLength(1)
    expect(await backups.list('documents/b/content.json')).toHaveLength(1)
  })

  it('returns null for a file that does not exist', async () => {
    const backups = new Backups(await makeDir(), realFs)
    expect(await backups.save('library.json', '2026-11-28T10:00:00.000Z')).toBeNull()
  })

  it('stamps names that sort by time', () => {
    expect(fileStamp('2026-11-28T15:46:38.123Z')).toBe('2026-11-28T15-46-38-123Z')
  })
})
