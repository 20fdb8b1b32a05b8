import { execFileSync } from 'node:child_process'
import { mkdir, open, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../src/main/cli/run-cli'
import { readImportFile } from '../../../../src/main/importing/read-import-file'
import { resourcesDir } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const isPosix = process.platform !== 'win32'

describe('readImportFile', () => {
  const makeDir = tempDirs()

  it('reads a regular file whole', async () => {
    const path = join(await makeDir(), 'notes.txt')
    await writeFile(path, 'Grey herons wait by the river.')
    const read = await readImportFile(path)
    if (!read.ok) throw new Error(read.error.message)
    expect(new TextDecoder().decode(read.value)).toBe('Grey herons wait by the river.')
  })

  it('reads a file exactly at the limit, and refuses one byte more before reading it', async () => {
    const folder = await makeDir()
    await writeFile(join(folder, 'at.txt'), 'a'.repeat(100))
    await writeFile(join(folder, 'over.txt'), 'a'.repeat(101))
    const at = await readImportFile(join(folder, 'at.txt'), 100)
    expect(at.ok && at.value.length).toBe(100)
    expect(await readImportFile(join(folder, 'over.txt'), 100)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    })
  })

  it('refuses a big file by its size, naming the size and the limit', async () => {
    const path = join(await makeDir(), 'big.txt')
    // A sparse file: 61 MB on paper, nothing on the disk, and nothing read.
    const handle = await open(path, 'w')
    await handle.truncate(61 * 1024 * 1024)
    await handle.close()
    expect(await readImportFile(path)).toEqual({
      ok: false,
      error: {
        code: 'too-large',
        message: '“big.txt” is 61 MB; Lectern imports files up to 50 MB.',
      },
    })
  })

  it.runIf(isPosix)('refuses a named pipe without waiting for a writer', async () => {
    const path = join(await makeDir(), 'p.txt')
    execFileSync('mkfifo', [path])
    // Opening a pipe for reading would wait forever; the test would time out, not fail.
    expect(await readImportFile(path)).toEqual({
      ok: false,
      error: {
        code: 'not-a-file',
        message:
          '“p.txt” is not a regular file (it is a named pipe); Lectern imports only ordinary files.',
      },
    })
  })

  it.runIf(isPosix)('refuses a symlink to an endless device without reading from it', async () => {
    const path = join(await makeDir(), 'zero.txt')
    await symlink('/dev/zero', path)
    expect(await readImportFile(path)).toEqual({
      ok: false,
      error: {
        code: 'not-a-file',
        message:
          '“zero.txt” is not a regular file (it is a device); Lectern imports only ordinary files.',
      },
    })
  })

  it('reads through a symlink to a regular file', async () => {
    const folder = await makeDir()
    await writeFile(join(folder, 'real.md'), '# Herons')
    await symlink(join(folder, 'real.md'), join(folder, 'link.md'))
    const read = await readImportFile(join(folder, 'link.md'))
    expect(read.ok && new TextDecoder().decode(read.value)).toBe('# Herons')
  })

  it('refuses a folder with a sentence', async () => {
    const path = join(await makeDir(), 'chapters.md')
    await mkdir(path)
    expect(await readImportFile(path)).toEqual({
      ok: false,
      error: {
        code: 'not-a-file',
        message: '“chapters.md” is a folder, not a file. Choose the files inside it.',
      },
    })
  })

  it('says a missing file was not found, with no error code', async () => {
    const path = join(await makeDir(), 'gone.txt')
    expect(await readImportFile(path)).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: '“gone.txt” was not found: it may have been moved or deleted.',
      },
    })
  })

  it.runIf(isPosix)('says a symlink loop leads back to itself', async () => {
    const folder = await makeDir()
    await symlink(join(folder, 'b.txt'), join(folder, 'a.txt'))
    await symlink(join(folder, 'a.txt'), join(folder, 'b.txt'))
    const read = await readImportFile(join(folder, 'a.txt'))
    expect(read).toMatchObject({ ok: false, error: { code: 'unreadable' } })
    expect(!read.ok && read.error.message).toBe(
      '“a.txt” could not be read: it is a link that leads back to itself.',
    )
  })
})

describe('lectern import of files that are not ordinary', () => {
  const makeDir = tempDirs()

  // Before: the FIFO hung the command for ever, holding the library's lock.
  it.runIf(isPosix)(
    'refuses a pipe, a device and a missing file with sentences, imports the rest',
    async () => {
      const files = await makeDir()
      const dataDir = await makeDir()
      execFileSync('mkfifo', [join(files, 'p.txt')])
      await symlink('/dev/zero', join(files, 'zero.txt'))
      await writeFile(join(files, 'notes.txt'), 'Notes\n\nGrey herons wait by the river.')
      const out: string[] = []
      const code = await runCli(
        [
          'import',
          ...['p.txt', 'zero.txt', 'gone.txt', 'notes.txt'].map((name) => join(files, name)),
        ].concat(['--data-dir', dataDir]),
        {
          out: (text) => out.push(text),
          err: (text) => out.push(text),
          env: {},
          defaultDataDir: '/nonexistent',
          resourcesDir,
        },
      )
      const printed = out.join('')
      expect(code).toBe(1)
      expect(printed).toContain('“p.txt” is not a regular file (it is a named pipe)')
      expect(printed).toContain('“zero.txt” is not a regular file (it is a device)')
      expect(printed).toContain('“gone.txt” was not found')
      expect(printed).toMatch(/notes\.txt: imported “Notes”/)
      expect(printed).not.toMatch(/ENOENT|\(undefined\)/)
    },
  )
})
