import { mkdir, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { BenchResult } from './measure'
import {
  fullSizes,
  gradeAndNext,
  quickSizes,
  reanchorEdited,
  reanchorUnchanged,
  saveHighlight,
  searchLibrary,
  importLargeFiles,
} from './workloads'
import { libraryFirstPaint, openLargeDocument } from './chromium-workloads'

// `npm run bench` (full sizes) or `npm run bench -- --quick` (small sizes, CI): each figure is the
// median of repeated runs beside a reference measured in the same run, written to
// bench/results.json and docs/benchmarks.md.
async function main(): Promise<void> {
  const isQuick = process.argv.includes('--quick')
  const sizes = isQuick ? quickSizes : fullSizes
  // `-- --only name`: just the workloads whose name contains it (nothing is written then).
  const onlyAt = process.argv.indexOf('--only')
  const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '') : null
  const results: BenchResult[] = []
  for (const workload of [
    reanchorUnchanged,
    reanchorEdited,
    saveHighlight,
    searchLibrary,
    gradeAndNext,
    importLargeFiles,
    openLargeDocument,
    libraryFirstPaint,
  ]) {
    if (only !== null && !workload.name.includes(only)) continue
    const outcome = await workload(sizes)
    for (const result of Array.isArray(outcome) ? outcome : [outcome]) {
      results.push(result)
      process.stdout.write(
        `${result.isMet ? 'ok  ' : 'MISS'} ${result.workload}: ${result.value.toFixed(2)} ${result.figure} (reference ${result.referenceValue.toFixed(2)}; target ${result.target})\n`,
      )
    }
  }
  if (only !== null) return
  const root = resolve(__dirname, '..')
  const stamp = new Date().toISOString()
  // The quick run's figures only show that the harness works; the full run's are kept.
  const resultsFile = isQuick ? 'bench/results-quick.json' : 'bench/results.json'
  await writeFile(
    resolve(root, resultsFile),
    `${JSON.stringify({ stamp, isQuick, results }, null, 2)}
`,
  )
  if (!isQuick) {
    await mkdir(resolve(root, 'docs'), { recursive: true })
    await writeFile(resolve(root, 'docs/benchmarks.md'), renderTable(stamp, results))
  }
}

function renderTable(stamp: string, results: readonly BenchResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.workload} | ${r.figure} | ${r.value.toFixed(2)} | ${r.reference} | ${r.reference === '—' ? '—' : r.referenceValue.toFixed(2)} | ${r.target} | ${r.target.startsWith('report') ? '' : r.isMet ? 'met' : '**missed**'} |`,
  )
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${stamp.slice(0, 10)} on the project's 2-core machine. Each figure is the median (or p95/p50 as named) of repeated runs; the reference is measured in the same run. Chromium workloads run the built renderer in Debian's Chromium (headless, no GPU) wired to the real services through the test bridge (JSON strings), so their times include that transfer; imports parse in the worker thread the app uses, and the stall is the longest gap of a 5 ms timer on the main thread meanwhile. Long tasks come from the browser's Long Tasks API, which reports only tasks of 50 ms or more: 0 means none reached 50 ms (the longest gap between frames shows how far below).`,
    '',
    '| workload | figure | value | reference | reference value | target | |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exitCode = 1
})
