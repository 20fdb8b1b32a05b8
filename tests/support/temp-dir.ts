import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'

/**
 * Returns a function that makes a fresh temp dir; every dir it made is removed after each test.
 * Call it at the top of a describe block.
 */
export function tempDirs(prefix = 'lectern-test-'): () => Promise<string> {
  const made: string[] = []
  afterEach(async () => {
    await Promise.all(made.splice(0).map((path) => rm(path, { recursive: true, force: true })))
  })
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}

/** A clock that starts at a fixed moment and moves one second each time it is read. */
export function steppingClock(startIso = '2026-11-28T09:00:00.000Z'): () => string {
  let time = Date.parse(startIso)
  return () => {
    const now = new Date(time).toISOString()
    time += 1000
    return now
  }
}
