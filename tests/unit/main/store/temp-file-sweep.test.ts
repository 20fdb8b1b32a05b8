import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DataStore } from '../../../../src/main/store/data-store'
import { realFs, type StoreFs } from '../../../../src/main/store/store-fs'
import { steppingClock, tempDirs } from '../../../support/temp-dir'

/** What the store's own temp files look like: `<file>.<pid>-<random>.lectern-tmp`. */
const tempName = 'annotations.json.4242-0a1b2c.lectern-tmp'

describe('the start-up sweep of temp files', () => {
  const makeDir = tempDirs()

  // Regression: the sweep followed a symlinked folder out of the data folder and deleted there.
  it('never follows a symlink out of the data folder', async () => {
    const [dataDir, outside] = [await makeDir(), await makeDir()]
    await writeFile(join(outside, tempName), 'not Lectern’s to delete')
    await mkdir(join(dataDir, 'documents'), { recursive: true })
    await symlink(outside, join(dataDir, 'documents', 'elsewhere'))
    await symlink(join(outside, tempName), join(dataDir, `library.json.1-ab.lectern-tmp`))
    await (await DataStore.open({ dataDir, now: steppingClock() })).close()
    expect(await readdir(outside)).toEqual([tempName])
    // A symlink named like a temp file is not a temp file of ours either.
    expect(await readdir(dataDir)).toContain('library.json.1-ab.lectern-tmp')
  })

  // Regression: a symlink loop made every command fail with a raw ELOOP.
  it('opens a library that holds symlink loops', async () => {
    const dataDir = await makeDir()
    await mkdir(join(dataDir, 'documents', 'doc-1'), { recursive: true })
    await symlink(join(dataDir, 'documents'), join(dataDir, 'documents', 'doc-1', 'up'))
    await symlink(join(dataDir, 'loop-b'), join(dataDir, 'loop-a'))
    await symlink(join(dataDir, 'loop-a'), join(dataDir, 'loop-b'))
    await writeFile(join(dataDir, 'documents', 'doc-1', tempName), '{')
    const store = await DataStore.open({ dataDir, now: steppingClock() })
    expect(store.isReadOnly).toBe(false)
    await store.close()
    expect(await readdir(join(dataDir, 'documents', 'doc-1'))).toEqual(['up'])
  })

  it('removes only files named as the store names its temp files, and nothing in the trash', async () => {
    const dataDir = await makeDir()
    await mkdir(join(dataDir, 'trash', 'doc-1'), { recursive: true })
    const keep = ['notes.lectern-tmp', 'library.json.lectern-tmp', 'a.json.x1-ab.lectern-tmp']
    for (const name of [...keep, tempName]) await writeFile(join(dataDir, name), '{')
    await writeFile(join(dataDir, 'trash', 'doc-1', tempName), '{')
    await mkdir(join(dataDir, 'documents', `b.json.1-ab.lectern-tmp`), { recursive: true })
    await (await DataStore.open({ dataDir, now: steppingClock() })).close()
    const names = await readdir(dataDir)
    for (const name of keep) expect(names).toContain(name)
    expect(names).not.toContain(tempName)
    expect(await readdir(join(dataDir, 'trash', 'doc-1'))).toEqual([tempName])
    expect(await readdir(join(dataDir, 'documents'))).toEqual(['b.json.1-ab.lectern-tmp'])
  })

  it('opens the library though a folder cannot be listed or a temp file cannot be removed', async () => {
    const dataDir = await makeDir()
    await mkdir(join(dataDir, 'documents', 'doc-1'), { recursive: true })
    await writeFile(join(dataDir, 'documents', 'doc-1', tempName), '{')
    await writeFile(join(dataDir, tempName), '{')
    const refusing: StoreFs = {
      ...realFs,
      readdir: (async (path: string, options?: object) => {
        if (String(path).endsWith('doc-1'))
          throw Object.assign(new Error('EACCES: injected'), { code: 'EACCES' })
        return realFs.readdir(path, options as never)
      }) as StoreFs['readdir'],
      unlink: async (path) => {
        if (String(path).endsWith(tempName))
          throw Object.assign(new Error('EIO: injected'), { code: 'EIO' })
        return realFs.unlink(path)
      },
    }
    const store = await DataStore.open({ dataDir, now: steppingClock(), fs: refusing })
    expect(store.isReadOnly).toBe(false)
    await store.close()
    expect(await readdir(join(dataDir, 'documents', 'doc-1'))).toEqual([tempName])
  })
})
