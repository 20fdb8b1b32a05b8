import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { createBackupArchive, listLibraryFiles } from '../../../../src/main/backup/backup-archive'
import { restoreBackupArchive } from '../../../../src/main/backup/restore-archive'
import { faultCodes, FaultyFs } from '../../../support/faulty-fs'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

/** Every library file's bytes, by path: what "the same library" means. */
async function canonical(dataDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const path of await listLibraryFiles(dataDir))
    files[path] = (await readFile(join(dataDir, path))).toString('base64')
  return files
}

/** A well-formed archive of exactly these files (the manifest lists them in this order). */
function archiveOf(files: [string, string][]): Uint8Array {
  const entries: Record<string, Uint8Array> = {}
  const listed = files.map(([path, text]) => {
    const bytes = strToU8(text)
    entries[path] = bytes
    return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
  })
  const manifest = { app: 'lectern', formatVersion: 1, createdAt: '2026-11-28', files: listed }
  entries['lectern-backup.json'] = strToU8(JSON.stringify(manifest))
  return zipSync(entries)
}

/** What is in the folder (absent: null). */
async function namesIn(folder: string): Promise<string[] | null> {
  return readdir(folder).catch(() => null)
}

/** A pid that belonged to a process which has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!
}

describe('restoring a backup', () => {
  const makeDir = tempDirs()
  let original: Record<string, string>
  let archive: Uint8Array

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lectern-restore-source-'))
    const services = await servicesOn(dataDir)
    await services.store.close()
    archive = await createBackupArchive(dataDir, '2026-11-28T10:00:00.000Z')
    original = await canonical(dataDir)
    await rm(dataDir, { recursive: true, force: true })
  })

  it('restores into an existing empty folder and leaves no unfinished copy beside it', async () => {
    const parent = await makeDir()
    const target = join(parent, 'library')
    await mkdir(target)
    expect(await restoreBackupArchive(archive, target)).toBeNull()
    expect(await canonical(target)).toEqual(original)
    expect(await readdir(parent)).toEqual(['library'])
  })

  it('refuses archives whose paths collide, before writing anything', async () => {
    const cases: [[string, string][], RegExp][] = [
      [
        [
          ['library.json', '{}'],
          ['library.json', '{}'],
        ],
        /lists library\.json twice/,
      ],
      [
        [
          ['documents/a', 'file'],
          ['documents/a/content.json', '{}'],
        ],
        /documents\/a both as a file and as a folder/,
      ],
      [
        [
          ['documents/a/content.json', '{}'],
          ['documents/a', 'file'],
        ],
        /documents\/a both as a file and as a folder/,
      ],
      [
        [
          ['documents/a/Notes.json', '{}'],
          ['documents/a/notes.json', '{}'],
        ],
        /both documents\/a\/Notes\.json and documents\/a\/notes\.json/,
      ],
    ]
    for (const [files, message] of cases) {
      const parent = await makeDir()
      const target = join(parent, 'library')
      const problem = await restoreBackupArchive(archiveOf(files), target)
      expect(problem).toMatch(message)
      expect(problem).toMatch(/nothing was restored\.$/)
      expect(await readdir(parent)).toEqual([])
    }
  })

  it('never restores a lock, a write in flight or a damaged copy set aside', async () => {
    const target = join(await makeDir(), 'library')
    const problem = await restoreBackupArchive(
      archiveOf([
        ['library.json', '{"schemaVersion":1}'],
        ['lectern.lock', '4242'],
        ['library.json.123-abcdef012345.lectern-tmp', '{}'],
        ['library.json.corrupt-2026-11-28', '{'],
        ['documents/a/annotations.json.tmp-1', '{}'],
      ]),
      target,
    )
    expect(problem).toBeNull()
    expect(await readdir(target, { recursive: true })).toEqual(['library.json'])
  })

  it('does not archive the lock of the library it backs up', async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    // The services hold the lock while the backup is made, as `lectern backup` does.
    expect(await readdir(dataDir)).toContain('lectern.lock')
    const entries = Object.keys(unzipSync(await createBackupArchive(dataDir, '2026-11-28')))
    await services.store.close()
    expect(entries).toContain('library.json')
    expect(entries.filter((path) => path.endsWith('.lock'))).toEqual([])
  })

  it('leaves the target untouched when cut short, and the next restore clears the unfinished copy', async () => {
    const parent = await makeDir()
    const target = join(parent, 'library')
    // What a restore killed half-way leaves: a partial copy under a name that says what it is.
    const stale = `${target}.restoring-${deadPid()}-0badf00d`
    await mkdir(join(stale, 'documents'), { recursive: true })
    await writeFile(join(stale, 'documents', 'half.json'), '{')
    expect(await namesIn(target)).toBeNull()

    expect(await restoreBackupArchive(archive, target)).toBeNull()
    expect(await canonical(target)).toEqual(original)
    expect(await readdir(parent)).toEqual(['library'])
  })

  it('leaves a restore that is still running alone and says so', async () => {
    const parent = await makeDir()
    const target = join(parent, 'library')
    const running = `${target}.restoring-${process.pid}-12345678`
    await mkdir(running)
    const problem = await restoreBackupArchive(archive, target)
    expect(problem).toMatch(/^Another restore into .* seems to be running/)
    expect((await readdir(parent)).sort()).toEqual([basename(running)])
  })

  it('refuses a target that is a file or a link, leaving it as it is', async () => {
    const parent = await makeDir()
    const file = join(parent, 'library')
    await writeFile(file, 'mine')
    expect(await restoreBackupArchive(archive, file)).toMatch(/is a file, not a folder/)
    expect(await readFile(file, 'utf8')).toBe('mine')
    const empty = join(parent, 'empty')
    await mkdir(empty)
    const link = join(parent, 'link')
    await symlink(empty, link)
    expect(await restoreBackupArchive(archive, link)).toMatch(/link is a symbolic link; name/)
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readdir(empty)).toEqual([])
  })

  it('after a disk fault at any step, leaves the target as it was or complete, never half', async () => {
    let faults = 0
    for (const code of faultCodes.filter((c) => c !== 'EACCES')) {
      for (let step = 0; ; step++) {
        const parent = await makeDir()
        const target = join(parent, 'library')
        // Half the rounds restore into an existing empty folder, half into none.
        const startsEmpty = step % 2 === 0
        if (startsEmpty) await mkdir(target)
        const faulty = new FaultyFs(dirname(parent))
        const before = faulty.injected
        faulty.arm(step, code)
        const problem = await restoreBackupArchive(archive, target, faulty.fs)
        faulty.disarm()
        const where = `${code} at step ${step} (${faulty.steps[step] ?? 'none'})`
        if (faulty.injected === before) {
          // Every step has failed once; the last round ran to the end.
          expect(problem, where).toBeNull()
          expect(await canonical(target), where).toEqual(original)
          break
        }
        faults++
        const names = await namesIn(target)
        const complete = names !== null && names.length > 0
        if (complete) expect(await canonical(target), where).toEqual(original)
        if (!complete) {
          expect(problem, where).toMatch(/^Lectern could not restore the backup because the disk/)
          expect(problem, where).toMatch(/was left as it was\.$/)
        }
        expect(problem ?? '', where).not.toMatch(/ENOSPC|EIO|injected|\(undefined\)/)
        // Nothing unfinished is left beside it, and the same restore now succeeds.
        expect(await readdir(parent), where).toEqual(names === null ? [] : ['library'])
        if (!complete) expect(await restoreBackupArchive(archive, target), where).toBeNull()
        expect(await canonical(target), where).toEqual(original)
      }
    }
    expect(faults).toBeGreaterThan(20)
  })
})
