import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { osDataDir } from '../../../../src/main/cli/os-data-dir'
import { parseArgs } from '../../../../src/main/cli/parse-args'
import { runCli } from '../../../../src/main/cli/run-cli'
import { resourcesDir } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

describe('parseArgs', () => {
  it('reads a command, its operands, --data-dir and --json', () => {
    expect(parseArgs(['import', 'a.txt', 'b.md', '--data-dir', '/d', '--json'])).toEqual({
      command: 'import',
      operands: ['a.txt', 'b.md'],
      dataDir: '/d',
      isJson: true,
      format: null,
      documentId: null,
      out: null,
    })
    expect(parseArgs(['list', '--data-dir=/x'])).toMatchObject({
      command: 'list',
      dataDir: '/x',
      isJson: false,
    })
    expect(parseArgs([])).toMatchObject({ command: 'help' })
  })

  it('says what is wrong with a bad command line', () => {
    expect(parseArgs(['frob'])).toMatch(/Unknown command “frob”/)
    expect(parseArgs(['import'])).toMatch(/needs at least one file/)
    expect(parseArgs(['list', '--colour'])).toMatch(/Unknown option --colour/)
    expect(parseArgs(['list', '--data-dir'])).toMatch(/needs a folder/)
    expect(parseArgs(['export', '--out', 'x'])).toMatch(/needs --format md\|w3c\|anki-txt\|apkg/)
    expect(parseArgs(['export', '--format', 'pdf', '--out', 'x'])).toMatch(/needs --format/)
    expect(parseArgs(['export', '--format', 'md'])).toMatch(/needs --out PATH/)
    expect(parseArgs(['backup'])).toMatch(/needs --out FILE/)
    expect(parseArgs(['restore'])).toMatch(/needs one backup archive/)
  })

  it('reads the export options', () => {
    expect(
      parseArgs(['export', '--format=apkg', '--document', 'doc-1', '--out', '/tmp/x.apkg']),
    ).toMatchObject({ command: 'export', format: 'apkg', documentId: 'doc-1', out: '/tmp/x.apkg' })
  })
})

describe('osDataDir', () => {
  it('matches the folder the app uses on each system', () => {
    expect(osDataDir('linux', {}, '/home/r')).toBe('/home/r/.config/Lectern/library')
    expect(osDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/r')).toBe('/cfg/Lectern/library')
    expect(osDataDir('darwin', {}, '/Users/r')).toBe(
      '/Users/r/Library/Application Support/Lectern/library',
    )
  })
})

describe('runCli', () => {
  const makeDir = tempDirs()

  async function run(argv: string[], dataDir: string) {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli([...argv, '--data-dir', dataDir], {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: {},
      defaultDataDir: '/nonexistent',
      resourcesDir,
    })
    return { code, out: out.join(''), err: err.join('') }
  }

  it('imports files, one JSON object per file, and exits non-zero when one failed', async () => {
    const dataDir = await makeDir()
    const files = await makeDir()
    await writeFile(join(files, 'notes.md'), '# Notes\n\nText.')
    await writeFile(join(files, 'empty.txt'), '')
    const result = await run(
      ['import', join(files, 'notes.md'), join(files, 'empty.txt'), '--json'],
      dataDir,
    )
    expect(result.code).toBe(1)
    const lines = result.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines[0]).toMatchObject({
      file: join(files, 'notes.md'),
      ok: true,
      title: 'Notes',
      documentId: expect.any(String),
    })
    expect(lines[1]).toMatchObject({
      file: join(files, 'empty.txt'),
      ok: false,
      error: { code: 'empty', message: expect.stringContaining('“empty.txt” is empty') },
    })
  })

  it('lists, shows and checks a fresh data dir, which gets the bundled article first', async () => {
    const dataDir = await makeDir()
    const list = await run(['list', '--json'], dataDir)
    expect(JSON.parse(list.out).map((d: { id: string }) => d.id)).toEqual([
      'europol-warns-about-e2ee',
    ])
    const show = await run(['show', 'Europol warns'], dataDir)
    expect(show.out).toMatch(
      /^Europol warns industry and governments about end-to-end encryption\n\nEuropol warns that/,
    )
    const check = await run(['check', '--json'], dataDir)
    expect(check.code).toBe(0)
    expect(JSON.parse(check.out)).toMatchObject({ documents: 1, problems: [], cards: 14 })
  })

  it('says a document is unknown, with exit code 1', async () => {
    const result = await run(['show', 'nothing like this'], await makeDir())
    expect(result).toMatchObject({
      code: 1,
      err: expect.stringContaining('No document “nothing like this”'),
    })
  })

  it('exports each format, backs up and restores into an empty folder', async () => {
    const dataDir = await makeDir()
    const out = await makeDir()
    const notebooks = join(out, 'notebooks')
    const md = await run(['export', '--format', 'md', '--out', notebooks, '--json'], dataDir)
    expect(md.code).toBe(0)
    expect(JSON.parse(md.out)).toMatchObject({ ok: true, format: 'md' })
    expect(await readdir(notebooks)).toEqual([
      'Europol warns industry and governments about end-to-end encryption (europol-warns-about-e2ee).md',
    ])
    for (const [format, file] of [
      ['w3c', 'a.jsonld'],
      ['anki-txt', 'cards.txt'],
      ['apkg', 'cards.apkg'],
    ] as const) {
      const result = await run(
        [
          'export',
          '--format',
          format,
          '--document',
          'europol-warns-about-e2ee',
          '--out',
          join(out, file),
        ],
        dataDir,
      )
      expect(result.code, format).toBe(0)
      expect((await stat(join(out, file))).size).toBeGreaterThan(0)
    }
    const archive = join(out, 'backup.zip')
    expect((await run(['backup', '--out', archive], dataDir)).code).toBe(0)
    const restored = join(await makeDir(), 'restored')
    const restore = await run(['restore', archive, '--json'], restored)
    expect(restore).toMatchObject({ code: 0, err: '' })
    expect(await readFile(join(restored, 'library.json'), 'utf8')).toBe(
      await readFile(join(dataDir, 'library.json'), 'utf8'),
    )
    const again = await run(['restore', archive], restored)
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('is not empty') })
  })

  it('says so when an export names no such document', async () => {
    const result = await run(
      ['export', '--format', 'md', '--document', 'missing', '--out', await makeDir()],
      await makeDir(),
    )
    expect(result).toMatchObject({
      code: 1,
      err: expect.stringContaining('no longer in your library'),
    })
  })
})
