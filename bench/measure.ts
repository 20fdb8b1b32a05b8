import { performance } from 'node:perf_hooks'

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The p-th percentile (0–100) of some numbers, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** Milliseconds one run of `work` takes, for each of `runs` runs (after one warm-up run). */
export async function time(runs: number, work: () => unknown): Promise<number[]> {
  await work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await work()
    times.push(performance.now() - start)
  }
  return times
}

/** One row of the results: a figure, its reference measured in the same run, and the target. */
export interface BenchResult {
  readonly workload: string
  readonly figure: string
  readonly value: number
  readonly reference: string
  readonly referenceValue: number
  readonly target: string
  readonly isMet: boolean
}
