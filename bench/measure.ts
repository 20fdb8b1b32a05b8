import { performance } from 'node:perf_hooks'
import type { Sizes } from './sizes'

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

/** A figure measured in the same run to compare Lectern's with. */
export interface Comparison {
  /** What was measured, e.g. "bare MiniSearch" or "one fdatasync". */
  readonly name: string
  readonly value: number
}

/**
 * One row of the results: Lectern's figure beside what a user would otherwise use (the peer:
 * SQLite, MiniSearch, Hypothesis's anchoring, a static page…) and the physical floor (a bare
 * fsync, reading the file), both measured in the same run, and the target.
 */
export interface BenchResult {
  readonly workload: string
  /** The unit and statistic, e.g. "p95 ms". */
  readonly figure: string
  readonly value: number
  readonly peer: Comparison | null
  readonly floor: Comparison | null
  readonly target: string
  readonly isMet: boolean
}

/** One benchmark: a named function giving one or more rows. */
export type Workload = (sizes: Sizes) => Promise<BenchResult | BenchResult[]>
