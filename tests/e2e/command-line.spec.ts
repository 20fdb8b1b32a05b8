import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { test, expect } from '@playwright/test'

const run = promisify(execFile)
const bin = resolve(__dirname, '../../bin/lectern.cjs')

test('the built lectern command imports, lists and shows on the same data dir as the app', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-cli-'))
  const file = join(dataDir, '..', `cli-notes-${Date.now()}.md`)
  await writeFile(file, '# Command-line notes\n\nImported without a window.')
  const imported = await run(process.execPath, [
    bin,
    'import',
    file,
    '--data-dir',
    dataDir,
    '--json',
  ])
  expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, title: 'Command-line notes' })
  const listed = await run(process.execPath, [bin, 'list', '--data-dir', dataDir])
  expect(listed.stdout).toContain('Command-line notes')
  expect(listed.stdout).toContain('europol-warns-about-e2ee')
  const shown = await run(process.execPath, [bin, 'show', 'Command-line', '--data-dir', dataDir])
  expect(shown.stdout).toBe('Command-line notes\n\nImported without a window.\n')
  await expect(
    run(process.execPath, [bin, 'import', join(dataDir, 'missing.txt'), '--data-dir', dataDir]),
  ).rejects.toMatchObject({ code: 1 })
})
