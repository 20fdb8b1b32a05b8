import { execFileSync } from 'node:child_process'
import { readdir, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDirs } from '../../../support/temp-dir'

// bin/compile-cache.cjs keeps compiled code between runs of the command. Whatever it finds in
// its cache (nothing, its own entries, damaged ones), modules must behave exactly as without it.

const compileCache = resolve(__dirname, '../../../../bin/compile-cache.cjs')

/** A module and the module it requires, both CommonJS, using what Node gives a module. */
async function writeModules(folder: string): Promise<string> {
  await writeFile(join(folder, 'helper.cjs'), 'module.exports = (n) => n * 2\n')
  const entry = join(folder, 'entry.cjs')
  await writeFile(
    entry,
    [
      "const double = require('./helper.cjs')",
      "const path = require('node:path')",
      'module.exports = JSON.stringify({',
      '  doubled: double(21),',
      '  dir: path.basename(__dirname),',
      '  file: path.basename(__filename),',
      "  resolved: path.basename(require.resolve('./helper.cjs')),",
      '  isCached: Object.keys(require.cache).some((key) => key.endsWith("helper.cjs")),',
      '})',
      '',
    ].join('\n'),
  )
  return entry
}

/** Runs the entry in a new Node process with the cache on and its temp folder in `tmp`. */
function runWithCache(entry: string, tmp: string): string {
  const script = `require(${JSON.stringify(compileCache)}).enableCompileCache(); process.stdout.write(require(${JSON.stringify(entry)}))`
  return execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, NODE_DISABLE_COMPILE_CACHE: '' },
    encoding: 'utf8',
  })
}

/** Every file below a folder. */
async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true })
  const files: string[] = []
  for (const name of entries) {
    const path = join(folder, name)
    if ((await stat(path)).isFile()) files.push(path)
  }
  return files
}

describe('the command line keeps compiled code between runs', () => {
  const makeDir = tempDirs()
  const expected = { doubled: 42, file: 'entry.cjs', resolved: 'helper.cjs', isCached: true }

  it('runs modules as Node does, the first time and from its cache', async () => {
    const modules = await makeDir()
    const tmp = await makeDir()
    const entry = await writeModules(modules)
    const first = JSON.parse(runWithCache(entry, tmp)) as Record<string, unknown>
    expect(first).toMatchObject(expected)
    expect(first['dir']).toBe(modules.split(/[\\/]/).at(-1))
    const cached = await filesBelow(tmp)
    expect(cached).not.toHaveLength(0)
    const writtenAt = await Promise.all(cached.map(async (file) => (await stat(file)).mtimeMs))
    expect(JSON.parse(runWithCache(entry, tmp))).toEqual(first)
    // Entries V8 accepted are not written again; a refused one would be.
    expect(await filesBelow(tmp)).toEqual(cached)
    expect(await Promise.all(cached.map(async (file) => (await stat(file)).mtimeMs))).toEqual(
      writtenAt,
    )
  })

  it('compiles afresh over a damaged cache', async () => {
    const modules = await makeDir()
    const tmp = await makeDir()
    const entry = await writeModules(modules)
    const first = runWithCache(entry, tmp)
    for (const file of await filesBelow(tmp)) await writeFile(file, 'not compiled code')
    expect(runWithCache(entry, tmp)).toBe(first)
    expect(runWithCache(entry, tmp)).toBe(first)
  })

  it('runs a changed module as it is now, not as it was cached', async () => {
    const modules = await makeDir()
    const tmp = await makeDir()
    const entry = await writeModules(modules)
    runWithCache(entry, tmp)
    await writeFile(join(modules, 'helper.cjs'), 'module.exports = (n) => n * 3\n')
    expect(JSON.parse(runWithCache(entry, tmp))).toMatchObject({ doubled: 63 })
  })
})
