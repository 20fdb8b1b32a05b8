import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDirs } from '../../../support/temp-dir'

// The command line as a shell runs it: a process of its own, its output a pipe that may close.
// The entry (src/main/cli/index.ts, what bin/lectern.cjs runs once built) is bundled with esbuild
// so the test needs no `npm run build`.

const root = resolve(__dirname, '../../../..')
let bundledCli = ''

interface Finished {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs the bundled command; with `closeStdout`, the reading end is closed before it writes. */
function runCommand(argv: string[], closeStdout = false): Promise<Finished> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bundledCli, ...argv], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LECTERN_DEBUG: '' },
    })
    let stdout = ''
    let stderr = ''
    // Closed at once, long before the child has started: its first write meets a closed pipe,
    // as `lectern list | head -1` does once head has read its line.
    if (closeStdout) child.stdout.destroy()
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => resolvePromise({ code, signal, stdout, stderr }))
  })
}

describe('the lectern command, run as a process', () => {
  const makeDir = tempDirs()

  beforeAll(async () => {
    // Two folders below the project, so that the entry's `../../resources` is the project's.
    const outdir = await mkdtemp(join(root, 'node_modules', '.lectern-cli-test-'))
    bundledCli = join(outdir, 'cli.mjs')
    await build({
      entryPoints: [join(root, 'src/main/cli/index.ts')],
      outfile: bundledCli,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
      // The entry finds its resources next to itself, as the built CommonJS file does.
      banner: {
        js: "import { fileURLToPath as __toPath } from 'node:url'; const __dirname = __toPath(new URL('.', import.meta.url));",
      },
    })
    // The import worker the entry starts, beside it as in out/main (the bundled article is
    // imported through it on the first run).
    await build({
      entryPoints: [join(root, 'src/main/importing/read-worker.ts')],
      outfile: join(outdir, 'importWorker.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'silent',
    })
  }, 60_000)
  afterAll(async () => {
    if (bundledCli) await rm(join(bundledCli, '..'), { recursive: true, force: true })
  })

  it('lists quietly into a pipe that was closed (lectern list | head -1), with no EPIPE stack', async () => {
    const dataDir = await makeDir()
    // A first run fills the library, so the second has lines to print.
    const first = await runCommand(['list', '--data-dir', dataDir])
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(first.stdout).toMatch(/^europol-warns-about-e2ee {2}/)

    const closed = await runCommand(['list', '--data-dir', dataDir], true)
    expect(closed.stderr).toBe('')
    expect(closed).toMatchObject({ code: 0, signal: null })
    // It finished its work: the lock was given back.
    const again = await runCommand(['list', '--data-dir', dataDir])
    expect(again).toMatchObject({ code: 0, stderr: '' })
  }, 60_000)

  it('prints the usage and exits 2 without a command', async () => {
    const result = await runCommand([])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^Usage: lectern <command>/)
  }, 60_000)
})
