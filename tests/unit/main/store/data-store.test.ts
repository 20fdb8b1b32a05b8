import { currentSchemaVersion } from '../../../../src/main/store/schema'
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataStore } from '../../../../src/main/store/data-store'
import { ReadOnlyStoreError } from '../../../../src/main/store/stored-file'
import { steppingClock, tempDirs } from '../../../support/temp-dir'

const damagedFiles: { case: string; bytes: string | Buffer; reason: RegExp }[] = [
  { case: 'empty', bytes: '', reason: /it is empty/ },
  { case: 'truncated', bytes: '{"schemaVersion":1,"documents":[{"id":"a', reason: /cut off/ },
  { case: 'null', bytes: 'null', reason: /does not hold Lectern data/ },
  { case: 'NUL bytes', bytes: Buffer.alloc(4096), reason: /binary zeros/ },
  {
    case: 'wrong shape',
    bytes: '{"schemaVersion":1,"documents":"none","settings":{}}',
    reason: /unexpected shape/,
  },
]

describe('DataStore', () => {
  const makeDir = tempDirs()

  async function storeWithSettings(dataDir: string, now = steppingClock()) {
    const store = await DataStore.open({ dataDir, now })
    await store.library.update((library) => {
      library.settings = { ...library.settings, theme: 'dark' }
    })
    return store
  }

  it('creates library.json with defaults on first open and writes it on the first change', async () => {
    const dataDir = await makeDir()
    const store = await DataStore.open({ dataDir, now: steppingClock() })
    expect(store.library.data.documents).toEqual([])
    expect(store.notices).toEqual([])
    await store.library.update((library) => {
      library.settings = { ...library.settings, fontSize: 22 }
    })
    const onDisk = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'))
    expect(onDisk).toMatchObject({
      schemaVersion: currentSchemaVersion,
      settings: { fontSize: 22 },
    })
  })

  it('keeps a backup of a new file and of the last good file before a session’s first write', async () => {
    const dataDir = await makeDir()
    await storeWithSettings(dataDir)
    const second = await DataStore.open({ dataDir, now: steppingClock('2026-11-29T09:00:00.000Z') })
    await second.library.update((library) => {
      library.settings = { ...library.settings, theme: 'sepia' }
    })
    const backups = (await readdir(join(dataDir, 'backups'))).filter((name) =>
      name.endsWith('.bak'),
    )
    expect(backups).toHaveLength(2)
    const newest = JSON.parse(
      await readFile(join(dataDir, 'backups', backups.sort().at(-1)!), 'utf8'),
    )
    expect(newest.settings.theme).toBe('dark')
  })

  for (const damaged of damagedFiles) {
    it(`keeps a ${damaged.case} library.json aside, repairs it from the copy of the last save, and says so`, async () => {
      const dataDir = await makeDir()
      await storeWithSettings(dataDir)
      await writeFile(join(dataDir, 'library.json'), damaged.bytes)

      const store = await DataStore.open({
        dataDir,
        now: steppingClock('2026-12-01T10:00:00.000Z'),
      })
      expect(store.library.data.settings.theme).toBe('dark')
      expect(store.notices).toHaveLength(1)
      expect(store.notices[0]).toMatchObject({ level: 'warning', title: 'Repaired a damaged file' })
      expect(store.notices[0]?.message).toMatch(damaged.reason)
      expect(store.notices[0]?.message).toContain('nothing is missing')
      const names = await readdir(dataDir)
      const aside = names.find((name) =>
        name.startsWith('library.json.corrupt-2026-12-01T10-00-00'),
      )
      expect(aside).toBeDefined()
      expect(await readFile(join(dataDir, aside!))).toEqual(Buffer.from(damaged.bytes))
      const restored = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8'))
      expect(restored.settings.theme).toBe('dark')
    })
  }

  it('restores the newest good backup when the copy of the last save is gone too', async () => {
    const dataDir = await makeDir()
    await storeWithSettings(dataDir)
    await rm(join(dataDir, 'backups', 'library.json.latest'))
    await writeFile(join(dataDir, 'library.json'), '{"oops')
    const store = await DataStore.open({ dataDir, now: steppingClock('2026-12-01T10:00:00.000Z') })
    expect(store.library.data.settings.theme).toBe('dark')
    expect(store.notices[0]).toMatchObject({ level: 'error' })
    expect(store.notices[0]?.message).toContain('came from the backup from')
  })

  it('starts afresh, keeping the damaged file, when no backup can be read', async () => {
    const dataDir = await makeDir()
    await writeFile(join(dataDir, 'library.json'), '{"oops')
    const store = await DataStore.open({ dataDir, now: steppingClock() })
    expect(store.notices[0]).toMatchObject({
      level: 'error',
      title: 'Recovered part of a damaged file',
    })
    expect(store.notices[0]?.message).toContain('library.json.corrupt-')
    expect(store.library.data.documents).toEqual([])
    expect((await readdir(dataDir)).some((name) => name.startsWith('library.json.corrupt-'))).toBe(
      true,
    )
  })

  it('opens a file from a newer Lectern read-only and never writes it', async () => {
    const dataDir = await makeDir()
    await storeWithSettings(dataDir)
    const path = join(dataDir, 'library.json')
    const newer = {
      ...JSON.parse(await readFile(path, 'utf8')),
      schemaVersion: 7,
      futureField: [1],
    }
    await writeFile(path, JSON.stringify(newer))

    const store = await DataStore.open({ dataDir, now: steppingClock() })
    expect(store.library.isReadOnly).toBe(true)
    expect(store.library.data.settings.theme).toBe('dark')
    expect(store.notices[0]?.message).toMatch(/newer version of Lectern \(data version 7\)/)
    await expect(store.library.update(() => undefined)).rejects.toBeInstanceOf(ReadOnlyStoreError)
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(newer)
  })

  it('migrates a file from before schema versions and backs the old one up before writing', async () => {
    const dataDir = await makeDir()
    const legacy = {
      documents: [],
      settings: { theme: 'sepia', fontSize: 18, sidePaneWidth: 300, isSidePaneOpen: true },
      importedBundles: [],
    }
    await writeFile(join(dataDir, 'library.json'), JSON.stringify(legacy))
    const store = await DataStore.open({ dataDir, now: steppingClock() })
    expect(store.notices).toEqual([])
    expect(store.library.data.schemaVersion).toBe(currentSchemaVersion)
    await store.library.update(() => undefined)
    const backups = await readdir(join(dataDir, 'backups'))
    expect(JSON.parse(await readFile(join(dataDir, 'backups', backups[0]!), 'utf8'))).toEqual(
      legacy,
    )
  })

  it('removes temp files a crash left behind', async () => {
    const dataDir = await makeDir()
    await mkdir(join(dataDir, 'documents', 'doc-1'), { recursive: true })
    await writeFile(join(dataDir, 'library.json.123-abc.lectern-tmp'), '{')
    await writeFile(join(dataDir, 'documents', 'doc-1', 'content.json.9-ff.lectern-tmp'), '{')
    await DataStore.open({ dataDir, now: steppingClock() })
    expect(await readdir(dataDir)).not.toContain('library.json.123-abc.lectern-tmp')
    expect(await readdir(join(dataDir, 'documents', 'doc-1'))).toEqual([])
  })

  // Regression: only the top folder and document folders were swept, not the newer ones.
  it('removes temp files from schedule shards and review logs too', async () => {
    const dataDir = await makeDir()
    await mkdir(join(dataDir, 'documents', 'doc-1', 'schedules'), { recursive: true })
    await mkdir(join(dataDir, 'reviews'), { recursive: true })
    await writeFile(
      join(dataDir, 'documents', 'doc-1', 'schedules', '0a.json.1-a.lectern-tmp'),
      '{',
    )
    await writeFile(join(dataDir, 'reviews', '2026-11-28.json.1-b.lectern-tmp'), '{')
    await DataStore.open({ dataDir, now: steppingClock() })
    expect(await readdir(join(dataDir, 'documents', 'doc-1', 'schedules'))).toEqual([])
    expect(await readdir(join(dataDir, 'reviews'))).toEqual([])
  })
})
