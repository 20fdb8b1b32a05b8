import { execFileSync, spawnSync } from 'node:child_process'
import { lstat, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
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
      force: false,
    })
    expect(parseArgs(['list', '--data-dir=/x'])).toMatchObject({
      command: 'list',
      dataDir: '/x',
      isJson: false,
    })
    expect(parseArgs([])).toMatchObject({ command: 'usage' })
    expect(parseArgs(['--help'])).toMatchObject({ command: 'help' })
    expect(parseArgs(['backup', '--out', 'b.zip', '--force'])).toMatchObject({ force: true })
  })

  it('says what is wrong with a bad command line', () => {
    expect(parseArgs(['frob'])).toMatch(/Unknown command “frob”/)
    expect(parseArgs(['import'])).toMatch(/needs at least one file/)
    expect(parseArgs(['list', '--colour'])).toMatch(/Unknown option --colour/)
    expect(parseArgs(['list', '--data-dir'])).toMatch(/needs a folder/)
    expect(parseArgs(['list', '--data-dir', '--json'])).toBe('--data-dir needs a folder.')
    expect(parseArgs(['list', '--data-dir='])).toBe('--data-dir needs a folder.')
    expect(parseArgs(['list', '--json=yes'])).toBe('--json takes no value.')
    expect(parseArgs(['list', '-x'])).toBe('Unknown option -x.')
    expect(parseArgs(['export', '--out', 'x'])).toMatch(/needs --format md\|w3c\|anki-txt\|apkg/)
    expect(parseArgs(['export', '--format', 'pdf', '--out', 'x'])).toBe(
      '“pdf” is not a format lectern can export; the formats are md, w3c, anki-txt and apkg.',
    )
    expect(parseArgs(['export', '--format', 'md'])).toMatch(/needs --out PATH/)
    expect(parseArgs(['backup'])).toMatch(/needs --out FILE/)
    expect(parseArgs(['restore'])).toMatch(/needs one backup archive/)
  })

  it('reads a file whose name starts with dashes after --', () => {
    expect(parseArgs(['import', '--', '--notes.md'])).toMatchObject({ operands: ['--notes.md'] })
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

describe('runCli, as a new reader meets it', () => {
  const makeDir = tempDirs()

  async function runIn(argv: string[], options: { env?: Record<string, string>; home?: string }) {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(argv, {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: options.env ?? {},
      defaultDataDir: options.home ?? '/nonexistent/lectern-library',
      resourcesDir,
    })
    return { code, out: out.join(''), err: err.join('') }
  }
  const run = async (argv: string[], dataDir: string) => runIn([...argv, '--data-dir', dataDir], {})

  it('prints the usage and exits 2 when no command is given', async () => {
    const result = await runIn([], {})
    expect(result.code).toBe(2)
    expect(result.out).toBe('')
    expect(result.err).toMatch(/^Usage: lectern <command>/)
    expect((await runIn(['help'], {})).code).toBe(0)
  })

  it('says a missing archive was not found, in words', async () => {
    const result = await run(['restore', 'x.zip'], join(await makeDir(), 'lib'))
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^lectern: “x\.zip” was not found/)
    expect(result.err).not.toMatch(/ENOENT/)
  })

  it('restores into the default library only when it is empty, unless a folder is named', async () => {
    const source = await makeDir()
    const archive = join(await makeDir(), 'b.zip')
    expect((await run(['backup', '--out', archive], source)).code).toBe(0)
    const home = await makeDir()
    await writeFile(join(home, 'library.json'), '{"mine":true}')
    const refused = await runIn(['restore', archive], { home })
    expect(refused.code).toBe(1)
    expect(refused.err).toBe(
      `lectern: this would restore into your library at ${home}; name the folder with --data-dir.\n`,
    )
    expect(await readdir(home)).toEqual(['library.json'])
    // An empty default library, or a folder named by LECTERN_DATA_DIR, is restored into.
    const empty = join(await makeDir(), 'library')
    expect((await runIn(['restore', archive], { home: empty })).code).toBe(0)
    const named = join(await makeDir(), 'named')
    const byEnv = await runIn(['restore', archive], { home, env: { LECTERN_DATA_DIR: named } })
    expect(byEnv.code).toBe(0)
    expect(await readdir(named)).toContain('library.json')
  })

  it('writes one notebook to a file ending in .md, and no notebook for a document without highlights', async () => {
    const dataDir = await makeDir()
    const files = await makeDir()
    await writeFile(join(files, 'bare.md'), '# Bare\n\nNo highlights here.')
    const imported = await run(['import', join(files, 'bare.md'), '--json'], dataDir)
    const bareId = JSON.parse(imported.out).documentId as string
    const out = await makeDir()

    const one = join(out, 'one.md')
    const single = await run(
      ['export', '--format', 'md', '--document', 'europol-warns-about-e2ee', '--out', one],
      dataDir,
    )
    expect(single).toMatchObject({ code: 0, out: `Wrote ${one}\n` })
    expect((await stat(one)).isFile()).toBe(true)
    expect(await readFile(one, 'utf8')).toMatch(/^---\ntitle: "Europol warns/)

    const folder = join(out, 'notebooks')
    const all = await run(['export', '--format', 'md', '--out', folder], dataDir)
    expect(all.code).toBe(0)
    expect(all.out).toMatch(/Left out 1 document without highlights\./)
    expect(await readdir(folder)).toEqual([
      'Europol warns industry and governments about end-to-end encryption (europol-warns-about-e2ee).md',
    ])
    const bare = await run(
      ['export', '--format', 'md', '--document', bareId, '--out', join(out, 'bare.md')],
      dataDir,
    )
    expect(bare.out).toBe('“Bare” has no highlights yet, so there is no notebook to write.\n')
    expect(await readdir(out)).toEqual(['notebooks', 'one.md'])
  })

  it('replaces an existing --out file only with --force, and never a link, a pipe, a device or a folder', async () => {
    const dataDir = await makeDir()
    const out = await makeDir()
    const existing = join(out, 'backup.zip')
    await writeFile(existing, 'keep me')
    const refused = await run(['backup', '--out', existing], dataDir)
    expect(refused).toMatchObject({
      code: 1,
      err: `lectern: ${existing} already exists; add --force to replace it.\n`,
    })
    expect(await readFile(existing, 'utf8')).toBe('keep me')
    expect((await run(['backup', '--out', existing, '--force'], dataDir)).code).toBe(0)
    expect((await readFile(existing)).subarray(0, 2).toString()).toBe('PK')

    const link = join(out, 'link.zip')
    await symlink(existing, link)
    const fifo = join(out, 'pipe.txt')
    execFileSync('mkfifo', [fifo])
    const cases: [string[], RegExp][] = [
      [['backup', '--out', link, '--force'], /link\.zip is a symbolic link; name the file itself/],
      [['backup', '--out', fifo, '--force'], /pipe\.txt is a named pipe, not a file/],
      [['backup', '--out', '/dev/null', '--force'], /\/dev\/null is a device, not a file/],
      [['backup', '--out', out, '--force'], /is a folder; name a file to write/],
      [
        ['export', '--format', 'w3c', '--out', fifo, '--force'],
        /pipe\.txt is a named pipe, not a file/,
      ],
    ]
    for (const [argv, message] of cases) {
      const result = await run(argv, dataDir)
      expect(result.code, argv.join(' ')).toBe(1)
      expect(result.err, argv.join(' ')).toMatch(message)
    }
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect((await lstat(fifo)).isFIFO()).toBe(true)
  })

  it('removes the temp file a killed backup left beside its output, but not one still being written', async () => {
    const dataDir = await makeDir()
    const out = await makeDir()
    const dead = spawnSync(process.execPath, ['-e', '']).pid!
    const stale = `backup.zip.${dead}-0123456789ab.lectern-tmp`
    const live = `backup.zip.${process.pid}-ba9876543210.lectern-tmp`
    const foreign = 'notes.lectern-tmp'
    for (const name of [stale, live, foreign]) await writeFile(join(out, name), 'x')
    expect((await run(['backup', '--out', join(out, 'second.zip')], dataDir)).code).toBe(0)
    expect((await readdir(out)).sort()).toEqual([live, foreign, 'second.zip'].sort())
  })

  it('says “1 document” and “1 card”, not “1 documents”', async () => {
    const dataDir = await makeDir()
    const check = await run(['check'], dataDir)
    expect(check.out).toMatch(/^Checked 1 document, \d+ highlights, \d+ cards and 0 reviews\.\n/)
  })

  it('turns an error nobody expected into one sentence, with the detail under LECTERN_DEBUG=1', async () => {
    const folder = await makeDir()
    const loop = join(folder, 'loop')
    await symlink(loop, loop)
    const plain = await run(['list'], join(loop, 'library'))
    expect(plain.code).toBe(1)
    expect(plain.err.trim().split('\n')).toHaveLength(1)
    expect(plain.err).toMatch(
      /^lectern: .*\. Run it again with LECTERN_DEBUG=1 to see the details\.\n$/,
    )
    expect(plain.err).not.toMatch(/ELOOP|\n {4}at /)
    const debug = await runIn(['list', '--data-dir', join(loop, 'library')], {
      env: { LECTERN_DEBUG: '1' },
    })
    expect(debug.err).toMatch(/\n {4}at /)
  })
})
