import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { BenchResult, Comparison, Workload } from './measure'
import { fullSizes, quickSizes } from './sizes'

const root = resolve(__dirname, '..')

// `npm run bench` (full sizes) or `npm run bench -- --quick` (small sizes, CI): each figure is the
// median (or a named percentile) of repeated runs beside a peer and a floor measured in the same
// run, written to bench/results.json and docs/benchmarks.md. Each file in bench/workloads/
// exports `workloads`; they run in file-name order.
async function main(): Promise<void> {
  const isQuick = process.argv.includes('--quick')
  const sizes = isQuick ? quickSizes : fullSizes
  // `-- --only name`: just the workloads whose function or file name contains it (nothing is
  // written then).
  const onlyAt = process.argv.indexOf('--only')
  const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '') : null
  const results: BenchResult[] = []
  for (const { file, workload } of await allWorkloads()) {
    if (only !== null && !workload.name.includes(only) && !file.includes(only)) continue
    const outcome = await workload(sizes)
    for (const result of Array.isArray(outcome) ? outcome : [outcome]) {
      results.push(result)
      process.stdout.write(`${result.isMet ? 'ok  ' : 'MISS'} ${describeResult(result)}\n`)
    }
  }
  if (only !== null) return
  const stamp = new Date().toISOString()
  // The quick run's figures only show that the harness works; the full run's are kept.
  const resultsFile = isQuick ? 'bench/results-quick.json' : 'bench/results.json'
  await writeFile(
    resolve(root, resultsFile),
    `${JSON.stringify({ stamp, isQuick, results }, null, 2)}\n`,
  )
  if (!isQuick) {
    await mkdir(resolve(root, 'docs'), { recursive: true })
    await writeFile(resolve(root, 'docs/benchmarks.md'), renderTable(stamp, results))
  }
}

async function allWorkloads(): Promise<{ file: string; workload: Workload }[]> {
  const folder = resolve(__dirname, 'workloads')
  const files = (await readdir(folder)).filter((name) => name.endsWith('.ts')).sort()
  const found: { file: string; workload: Workload }[] = []
  for (const file of files) {
    const loaded = (await import(resolve(folder, file))) as { workloads?: readonly Workload[] }
    for (const workload of loaded.workloads ?? []) found.push({ file, workload })
  }
  return found
}

function describeResult(r: BenchResult): string {
  const beside = (c: Comparison | null, what: string) =>
    c ? `; ${what} ${c.name}: ${c.value.toFixed(2)} (${ratio(r.value, c.value)})` : ''
  return `${r.workload}: ${r.value.toFixed(2)} ${r.figure}${beside(r.peer, 'peer')}${beside(r.floor, 'floor')}; target ${r.target}`
}

/** How many times the other figure Lectern's is, e.g. "0.31×". */
function ratio(value: number, other: number): string {
  if (other <= 0) return '—'
  const times = value / other
  return `${times >= 10 ? times.toFixed(0) : times.toFixed(2)}×`
}

function renderTable(stamp: string, results: readonly BenchResult[]): string {
  const cell = (c: Comparison | null, value: number) =>
    c ? `${c.name} | ${c.value.toFixed(2)} | ${ratio(value, c.value)}` : '— | — | —'
  const rows = results.map(
    (r) =>
      `| ${r.workload} | ${r.figure} | ${r.value.toFixed(2)} | ${cell(r.peer, r.value)} | ${cell(r.floor, r.value)} | ${r.target} | ${r.target.startsWith('report') ? '' : r.isMet ? 'met' : '**missed**'} |`,
  )
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${stamp.slice(0, 10)} on the project's 2-core machine. Each row puts Lectern's figure beside the **peer** (what a user would otherwise use for the same job: SQLite, MiniSearch, the Hypothesis client's anchoring, the bare parser pipeline, a static page) and the **floor** (what the hardware needs at least: an fsync, reading the file), all measured in the same run; the ratios are Lectern's figure divided by theirs (below 1× is faster). Each figure is the median (or p95/p50 as named) of repeated runs. Chromium workloads run the built renderer in Debian's Chromium (headless, no GPU) wired to the real services through the test bridge (JSON strings), so their times include that transfer; imports parse in the worker thread the app uses, and the stall is the longest gap of a 5 ms timer on the main thread meanwhile. Long tasks come from the browser's Long Tasks API, which reports only tasks of 50 ms or more: 0 means none reached 50 ms.`,
    '',
    '| workload | figure | Lectern | peer | peer value | ÷ peer | floor | floor value | ÷ floor | target | |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 1
})
