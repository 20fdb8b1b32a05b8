import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Backups } from '../../../../src/main/store/backups'
import { openStoredFile } from '../../../../src/main/store/open-stored-file'
import { realFs, type StoreFs } from '../../../../src/main/store/store-fs'
import { journalSpec } from '../../../support/journal-file'
import { steppingClock, tempDirs } from '../../../support/temp-dir'

describe('StoredFile', () => {
  const makeDir = tempDirs()

  async function openJournal(dataDir: string, fs: StoreFs = realFs) {
    const file = await openStoredFile(journalSpec, {
      dataDir,
      fs,
      backups: new Backups(dataDir, fs),
      now: steppingClock(),
      report: () => undefined,
    })
    if (!file) throw new Error('the journal has defaults')
    return file
  }

  it('loses none of many concurrent changes', async () => {
    const dataDir = await makeDir()
    const journal = await openJournal(dataDir)
    await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        journal.update((data) => {
          data.entries.push(n)
        }),
      ),
    )
    const onDisk = JSON.parse(await readFile(join(dataDir, 'journal.json'), 'utf8'))
    expect(onDisk.entries).toEqual(Array.from({ length: 200 }, (_, n) => n))
    expect(journal.data.entries).toHaveLength(200)
  })

  it('keeps what is on disk as its data when a write fails, and saves again once the fault is gone', async () => {
    const dataDir = await makeDir()
    let isDiskFull = false
    const flakyFs: StoreFs = {
      ...realFs,
      rename: async (from, to) => {
        if (isDiskFull) throw Object.assign(new Error('no space left'), { code: 'ENOSPC' })
        return realFs.rename(from, to)
      },
    }
    const journal = await openJournal(dataDir, flakyFs)
    await journal.update((data) => {
      data.entries.push(1)
    })
    isDiskFull = true
    await expect(journal.update((data) => void data.entries.push(2))).rejects.toThrow(
      'no space left',
    )
    expect(journal.data.entries).toEqual([1])
    isDiskFull = false
    await journal.update((data) => void data.entries.push(3))
    const onDisk = JSON.parse(await readFile(join(dataDir, 'journal.json'), 'utf8'))
    expect(onDisk.entries).toEqual([1, 3])
  })

  it('does not let a change function alter the acknowledged data before it is saved', async () => {
    const dataDir = await makeDir()
    const journal = await openJournal(dataDir)
    const before = journal.data
    await expect(
      journal.update((data) => {
        data.entries.push(9)
        throw new Error('change failed half way')
      }),
    ).rejects.toThrow('half way')
    expect(journal.data).toBe(before)
    expect(journal.data.entries).toEqual([])
  })
})
