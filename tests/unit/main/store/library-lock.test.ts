import { spawn, type ChildProcess } from 'node:child_process'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/run-cli'
import { createDispatch } from '../../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import { DataStore } from '../../../../src/main/store/data-store'
import { lockFileName } from '../../../../src/main/store/library-lock'
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
