import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/run-cli'
import { createDispatch } from '../../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import { DataStore } from '../../../../src/main/store/data-store'
import { createServices } from '../../../../src/main/services/create-services'
import { lockFileName } from '../../../../src/main/store/library-lock'
import {
  startTimeFromStat,
  startTimeOf,
  thisProcess,
} from '../../../../src/main/store/process-identity'
import { realFs, type StoreFs } from '../../../../src/main/store/store-fs'
import { resourcesDir, servicesOn } from '../../../support/services'
import { steppingClock, tempDirs } from '../../../support/temp-dir'

const documentId = 'europol-warns-about-e2ee'

/** Every file under `dir` with its bytes and modification time. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const { mtimeMs } = await stat(path)
    files[relative(dir, path)] = `${mtimeMs} ${(await readFile(path)).toString('base64')}`
  }
  return files
}

describe('one writer per library', () => {
  const makeDir = tempDirs()
  const children: ChildProcess[] = []
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL')
  })

  /** A library whose lock is held by another running process (a stand-in for another Lectern). */
  async function libraryHeldElsewhere() {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    await first.annotations.create({ documentId, start: 10, end: 40, labelId: 'evidence' })
    await first.store.close()
    const other = spawn('sleep', ['60'])
    children.push(other)
    await writeFile(
      join(dataDir, lockFileName),
      JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-11-28T08:00:00.000Z' }),
    )
    return { dataDir, other }
  }

  it('opens a library another Lectern holds read-only, says so, and writes nothing', async () => {
    const { dataDir } = await libraryHeldElsewhere()
    const before = await snapshot(dataDir)
    const services = await servicesOn(dataDir)
    expect(services.store.isReadOnly).toBe(true)
    expect(services.store.notices).toEqual([
      expect.objectContaining({ id: 'library-in-use', title: 'Opened read-only' }),
    ])
    const dispatch = createDispatch(createHandlers({ services, openExternal: async () => {} }))
    const opened = await dispatch('openDocument', { documentId })
    expect(opened).toMatchObject({ ok: true })
    const attempts = await Promise.all([
      dispatch('createHighlight', { documentId, start: 50, end: 90, labelId: 'evidence' }),
      dispatch('updateSettings', { fontSize: 22 }),
      dispatch('createCard', {
        documentId,
        highlightId: null,
        content: { kind: 'basic', front: 'Q', back: 'A', isReversible: false },
      }),
      dispatch('saveReadingPosition', {
        documentId,
        position: { segmentIndex: 1, segmentFraction: 0, progress: 0.1 },
      }),
      dispatch('deleteDocument', { documentId }),
      dispatch('importFile', { fileName: 'note.txt', bytes: new TextEncoder().encode('Hello.') }),
    ])
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ ok: false })
      if (!attempt.ok) expect(attempt.error.message).toMatch(/open in another Lectern|read-only/)
    }
    await services.store.close()
    expect(await snapshot(dataDir)).toEqual(before)
  })

  it('refuses a command that would write while the app holds the library', async () => {
    const { dataDir } = await libraryHeldElsewhere()
    const text = join(await makeDir(), 'note.txt')
    await writeFile(text, 'A short note about encryption.')
    const before = await snapshot(dataDir)
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['import', text, '--data-dir', dataDir], {
      out: (line) => void out.push(line),
      err: (line) => void err.push(line),
      env: {},
      defaultDataDir: dataDir,
      resourcesDir,
    })
    expect(code).toBe(1)
    expect(err.join('')).toMatch(/has this library open/)
    expect(await snapshot(dataDir)).toEqual(before)
  })

  it('takes over the lock of a Lectern that is no longer running', async () => {
    const { dataDir, other } = await libraryHeldElsewhere()
    other.kill('SIGKILL')
    await new Promise((resolve) => other.once('exit', resolve))
    const services = await servicesOn(dataDir)
    expect(services.store.isReadOnly).toBe(false)
    expect(
      await services.annotations.create({ documentId, start: 50, end: 90, labelId: 'evidence' }),
    ).toMatchObject({ ok: true })
    const lock = JSON.parse(await readFile(join(dataDir, lockFileName), 'utf8'))
    expect(lock.pid).toBe(process.pid)
    await services.store.close()
    await expect(stat(join(dataDir, lockFileName))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('lets the same process open its library twice; only the first opener removes the lock', async () => {
    const dataDir = await makeDir()
    const first = await DataStore.open({ dataDir, now: steppingClock() })
    const second = await DataStore.open({ dataDir, now: steppingClock() })
    expect([first.isReadOnly, second.isReadOnly]).toEqual([false, false])
    await second.close()
    expect((await stat(join(dataDir, lockFileName))).isFile()).toBe(true)
    await first.close()
    await expect(stat(join(dataDir, lockFileName))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('who holds the lock', () => {
  const makeDir = tempDirs()
  const children: ChildProcess[] = []
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL')
  })

  /** A library with one highlight, closed, whose lock then says `lock`. */
  async function libraryLockedBy(lock: object | string) {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir)
    await first.annotations.create({ documentId, start: 10, end: 40, labelId: 'evidence' })
    await first.store.close()
    await writeFile(
      join(dataDir, lockFileName),
      typeof lock === 'string' ? lock : JSON.stringify(lock),
    )
    return dataDir
  }

  /** Opens the library and says whether it could write, and whom the lock names afterwards. */
  async function openAndWrite(dataDir: string) {
    const services = await servicesOn(dataDir)
    const created = await services.annotations.create({
      documentId,
      start: 50,
      end: 90,
      labelId: 'evidence',
    })
    const lock = JSON.parse(await readFile(join(dataDir, lockFileName), 'utf8'))
    await services.store.close()
    return { isReadOnly: services.store.isReadOnly, saved: created.ok, lockPid: lock.pid }
  }

  const live = () => {
    const other = spawn('sleep', ['60'])
    children.push(other)
    const pid = other.pid ?? -1
    return { ...thisProcess(), pid, started: startTimeOf(pid), token: 'other', since: '' }
  }

  it('keeps out other Lecterns while the process named by pid and start time runs', async () => {
    const dataDir = await libraryLockedBy(live())
    expect(await openAndWrite(dataDir)).toMatchObject({ isReadOnly: true, saved: false })
  })

  // Regression: a lock whose pid now belonged to another program kept the library read-only.
  it('takes over a lock whose pid now belongs to another process (another start time)', async () => {
    const parent = process.ppid
    const reused = { ...live(), pid: parent, started: String(Number(startTimeOf(parent)) + 1) }
    const dataDir = await libraryLockedBy(reused)
    expect(await openAndWrite(dataDir)).toEqual({
      isReadOnly: false,
      saved: true,
      lockPid: process.pid,
    })
  })

  it('takes over a lock naming pid 1 with a start time that is not pid 1’s', async () => {
    const dataDir = await libraryLockedBy({ ...live(), pid: 1, started: '999999999999' })
    expect(await openAndWrite(dataDir)).toMatchObject({ isReadOnly: false, saved: true })
  })

  it('takes over a lock from before the system last started', async () => {
    const dataDir = await libraryLockedBy({ ...live(), boot: 'a-boot-long-ago' })
    expect(await openAndWrite(dataDir)).toMatchObject({ isReadOnly: false, saved: true })
  })

  // Regression: a lock naming this process's pid, left by an earlier process, was taken for
  // this one's own: the library opened, and the lock was never removed.
  it('takes over, and later removes, a lock an older Lectern left under this very pid', async () => {
    const dataDir = await libraryLockedBy({ pid: process.pid, host: hostname(), since: '' })
    expect(await openAndWrite(dataDir)).toEqual({
      isReadOnly: false,
      saved: true,
      lockPid: process.pid,
    })
    await expect(stat(join(dataDir, lockFileName))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('takes over an empty lock file and one cut off mid-record', async () => {
    for (const lock of ['', '{"pid": 12']) {
      const dataDir = await libraryLockedBy(lock)
      expect(await openAndWrite(dataDir)).toMatchObject({ isReadOnly: false, saved: true })
    }
  })

  it('clears away take-over files of processes that died, and keeps those of running ones', async () => {
    const dataDir = await makeDir()
    const gone = spawn('true')
    await new Promise((resolve) => gone.once('exit', resolve))
    const dead = `lectern.takeover-${gone.pid}-0a1b.lock`
    const running = `lectern.takeover-${process.ppid}-2c3d.lock`
    await writeFile(join(dataDir, dead), JSON.stringify({ ...live(), pid: gone.pid }))
    const parent = { ...live(), pid: process.ppid, started: startTimeOf(process.ppid) }
    await writeFile(join(dataDir, running), JSON.stringify(parent))
    await (await DataStore.open({ dataDir, now: steppingClock() })).close()
    const names = await readdir(dataDir)
    expect(names).toContain(running)
    expect(names).not.toContain(dead)
  })

  it('on closing, leaves alone a lock that is no longer its own', async () => {
    const dataDir = await makeDir()
    const store = await DataStore.open({ dataDir, now: steppingClock() })
    const othersLock = JSON.stringify(live())
    await writeFile(join(dataDir, lockFileName), othersLock)
    await store.close()
    expect(await readFile(join(dataDir, lockFileName), 'utf8')).toBe(othersLock)
  })

  it('claims where the file system has no hard links, and lets go on closing', async () => {
    const dataDir = await makeDir()
    const noLinks: StoreFs = {
      ...realFs,
      link: async () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' })
      },
    }
    const store = await DataStore.open({ dataDir, now: steppingClock(), fs: noLinks })
    expect(store.isReadOnly).toBe(false)
    expect(JSON.parse(await readFile(join(dataDir, lockFileName), 'utf8')).pid).toBe(process.pid)
    await store.close()
    expect(await readdir(dataDir)).not.toContain(lockFileName)
  })

  it('says in words, and changes nothing, when the lock is a folder or a FIFO', async () => {
    const folder = await makeDir()
    await mkdir(join(folder, lockFileName, 'inside'), { recursive: true })
    const fifo = await makeDir()
    execFileSync('mkfifo', [join(fifo, lockFileName)])
    for (const dataDir of [folder, fifo]) {
      await expect(DataStore.open({ dataDir, now: steppingClock() })).rejects.toThrow(
        /^The lock file of this library \(.+\) is not a file, so Lectern cannot tell whether another Lectern has the library open\. Move it/,
      )
    }
    expect(await readdir(join(folder, lockFileName))).toEqual(['inside'])
    expect((await stat(join(fifo, lockFileName))).isFIFO()).toBe(true)
  })

  it('takes over a file of 10 MB in the lock’s place (too big to be a lock of Lectern’s)', async () => {
    const dataDir = await makeDir()
    await writeFile(join(dataDir, lockFileName), 'x'.repeat(10_000_000))
    const store = await DataStore.open({ dataDir, now: steppingClock() })
    expect(store.isReadOnly).toBe(false)
    await store.close()
  })

  it('reads the start time from a /proc stat line whose command name holds spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, index) => String(index + 3))
    fields[19] = '4242'
    expect(startTimeFromStat(`77 (my (odd) name) ${fields.join(' ')}`)).toBe('4242')
    expect(startTimeFromStat('garbage')).toBeNull()
    expect(startTimeOf(process.pid)).toMatch(/^\d+$/)
  })
})

describe('a library whose folder cannot be written to', () => {
  const makeDir = tempDirs()

  /** The real file system as a read-only disk (or a folder without write permission) shows it. */
  function unwritableFs(code: string): StoreFs {
    const refuse = async (path: unknown): Promise<never> => {
      throw Object.assign(new Error(`${code}: injected at ${String(path)}`), { code })
    }
    return {
      ...realFs,
      open: (async (path: string, flags?: string, mode?: number) =>
        flags === undefined || flags === 'r'
          ? realFs.open(path, flags, mode)
          : refuse(path)) as StoreFs['open'],
      mkdir: (async (path: string) => {
        // An existing folder is fine on a read-only disk too; a new one cannot be made.
        if ((await stat(path).catch(() => null))?.isDirectory()) return undefined
        return refuse(path)
      }) as StoreFs['mkdir'],
      rename: refuse,
      unlink: refuse,
      link: refuse,
      copyFile: refuse,
      rmdir: refuse,
      rm: refuse,
    }
  }

  // Regression: even `list` failed on lectern.lock.
  it.each(['EROFS', 'EACCES', 'EPERM'])(
    'with %s on creating the lock: opens read-only, says why in plain words, lists and reads',
    async (code) => {
      const dataDir = await makeDir()
      const first = await servicesOn(dataDir)
      await first.annotations.create({ documentId, start: 10, end: 40, labelId: 'evidence' })
      await first.store.close()
      const before = await snapshot(dataDir)

      const services = await createServices({
        dataDir,
        resourcesDir,
        seedStudyMaterial: false,
        fs: unwritableFs(code),
      })
      expect(services.store.isReadOnly).toBe(true)
      expect(services.store.notices).toEqual([
        expect.objectContaining({
          id: 'library-unwritable',
          title: 'Opened read-only',
          message: expect.stringMatching(
            /^This library's folder cannot be written to \(read-only disk or no permission\), so Lectern opens it read-only\./,
          ),
        }),
      ])
      expect(services.library.list().map((document) => document.id)).toContain(documentId)
      const loaded = await services.annotations.load(documentId)
      expect(loaded.ok && loaded.value.highlights).toHaveLength(1)
      const refused = await services.annotations.create({
        documentId,
        start: 50,
        end: 90,
        labelId: 'evidence',
      })
      expect(refused).toMatchObject({ ok: false, error: { code: 'read-only' } })
      await services.store.close()
      expect(await snapshot(dataDir)).toEqual(before)
    },
  )

  it('opens read-only, with its reason, when the disk is full', async () => {
    const dataDir = await makeDir()
    const store = await DataStore.open({
      dataDir,
      now: steppingClock(),
      fs: unwritableFs('ENOSPC'),
    })
    expect(store.isReadOnly).toBe(true)
    expect(store.notices[0]?.message).toMatch(/^The disk that holds this library is full/)
  })

  it.skipIf(process.getuid?.() === 0)(
    'opens a folder without write permission read-only (not as root: root may write anywhere)',
    async () => {
      const dataDir = await makeDir()
      await (await DataStore.open({ dataDir, now: steppingClock() })).close()
      await chmod(dataDir, 0o555)
      try {
        const store = await DataStore.open({ dataDir, now: steppingClock() })
        expect(store.isReadOnly).toBe(true)
        expect(store.notices[0]?.id).toBe('library-unwritable')
      } finally {
        await chmod(dataDir, 0o755)
      }
    },
  )
})
