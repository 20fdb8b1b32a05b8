import { execFileSync } from 'node:child_process'
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { generateProse, seededRandom } from '../../tests/support/generated-text'
import { median, type BenchResult } from '../measure'
import type { Sizes } from '../sizes'

const root = resolve(__dirname, '../..')
/** How many documents the library listed holds: "a few", as a reader's first weeks. */
const documentCount = 5
/** Runs of each command; start-up times are short, so many runs steady the median. */
const runsPerSize = 4

/**
 * Starting the command line: `lectern list` through the installed bin (`node bin/lectern.cjs`,
 * what `npm link` and `node_modules/.bin/lectern` run) on a library of a few documents, beside
 * `npx lectern list` (the peer: how the README told readers to run it) and `node -e 0` (the
 * floor: starting Node itself). Each is a new process, timed from spawn to exit; the three are
 * run in turn so that a busy machine slows each alike.
 */
export async function commandLineStart(sizes: Sizes): Promise<BenchResult> {
  await access(join(root, 'out/main/cli.js')).catch(() => {
    throw new Error('The command line is not built: run `npm run build` first.')
  })
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-bench-cli-'))
  try {
    // The library is made by the same built command that is timed, so both read one format.
    const random = seededRandom(7)
    const files: string[] = []
    for (let index = 0; index < documentCount; index++) {
      const file = join(dataDir, `d${index}.txt`)
      await writeFile(file, `Document ${index + 1}\n\n${generateProse(random, 20_000)}`)
      files.push(file)
    }
    const library = join(dataDir, 'library')
    execFileSync(process.execPath, ['bin/lectern.cjs', 'import', ...files, '--data-dir', library], {
      cwd: root,
      stdio: 'ignore',
    })

    const list = ['bin/lectern.cjs', 'list', '--data-dir', library]
    const installed: number[] = []
    const npx: number[] = []
    const bare: number[] = []
    // One warm-up of each (file cache, npx's own cache) is not counted.
    for (let run = -1; run < sizes.runs * runsPerSize; run++) {
      const times = [
        timeProcess(process.execPath, list),
        timeProcess('npx', ['--no-install', 'lectern', ...list.slice(1)]),
        timeProcess(process.execPath, ['-e', '0']),
      ]
      if (run < 0) continue
      installed.push(times[0]!)
      npx.push(times[1]!)
      bare.push(times[2]!)
    }
    const value = median(installed)
    const floor = median(bare)
    return {
      workload: `\`lectern list\` through the installed bin (node bin/lectern.cjs), ${documentCount} documents in the library, from start to exit`,
      figure: 'median ms',
      value,
      peer: { name: '`npx lectern list` in the Lectern folder', value: median(npx) },
      floor: { name: '`node -e 0`', value: floor },
      target: '≤ 3× `node -e 0`',
      isMet: value <= 3 * floor,
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** Milliseconds from starting a process to its exit; it must succeed. */
function timeProcess(command: string, args: readonly string[]): number {
  const start = performance.now()
  execFileSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
  return performance.now() - start
}

export const workloads = [commandLineStart]
