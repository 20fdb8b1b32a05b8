import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readInWorker, readOnThisThread } from '../../../../src/main/importing/read-off-thread'
import { tempDirs } from '../../../support/temp-dir'

const workerPath = resolve(__dirname, '../../../support/read-worker-dev.cjs')
const page = new TextEncoder().encode(
  '<html lang="en"><head><title>Herons</title></head><body><article><h1>Herons</h1><p>Grey herons wait by the river.</p><script>alert(1)</script></article></body></html>',
)

describe('reading files in a worker thread', () => {
  const makeDir = tempDirs()

  it('gives the same document as reading on this thread', async () => {
    const read = readInWorker({ path: workerPath })
    const inWorker = await read(page, 'herons.html')
    expect(inWorker).toEqual(await readOnThisThread(page, 'herons.html'))
    expect(inWorker.ok && inWorker.value.parsed.content.text).toBe(
      'Herons\n\nGrey herons wait by the river.',
    )
    // Refusals come back as they would on this thread.
    expect(await read(new Uint8Array(), 'empty.txt')).toMatchObject({
      ok: false,
      error: { code: 'empty' },
    })
  }, 20_000)

  it('fails the file with a message when the worker dies, and starts a new one for the next', async () => {
    const folder = await makeDir()
    const dying = join(folder, 'dying-worker.cjs')
    await writeFile(
      dying,
      // The first worker dies on its first file; the one started after it answers.
      `const { parentPort } = require('node:worker_threads')
       const fs = require('node:fs')
       const marker = ${JSON.stringify(join(folder, 'died-once'))}
       parentPort.on('message', (job) => {
         if (!fs.existsSync(marker)) {
           fs.writeFileSync(marker, '')
           process.exit(3)
         }
         parentPort.postMessage({ id: job.id, result: { ok: true, value: 'second' } })
       })`,
    )
    const read = readInWorker({ path: dying })
    expect(await read(page, 'first.html')).toEqual({
      ok: false,
      error: {
        code: 'parse-failed',
        message:
          '“first.html” could not be read: the importer stopped (exit code 3). Nothing was imported.',
      },
    })
    expect(await read(page, 'second.html')).toEqual({ ok: true, value: 'second' })
  }, 20_000)
})

describe('the time budget of a file read in a worker', () => {
  const makeDir = tempDirs()

  it('stops a file that runs over its budget with a sentence, and reads the next in a new worker', async () => {
    const folder = await makeDir()
    const stuck = join(folder, 'stuck-worker.cjs')
    await writeFile(
      stuck,
      // A file named "slow.html" never finishes, as a page built to be slow would not.
      `const { parentPort } = require('node:worker_threads')
       parentPort.on('message', (job) => {
         if (job.fileName === 'slow.html') for (;;) {}
         parentPort.postMessage({ id: job.id, result: { ok: true, value: job.fileName } })
       })`,
    )
    const read = readInWorker({ path: stuck, timeBudgetMs: 300 })
    const slow = read(page, 'slow.html')
    const next = read(page, 'next.html')
    expect(await slow).toEqual({
      ok: false,
      error: {
        code: 'parse-failed',
        message:
          '“slow.html” could not be read: it took longer than 300 ms to read, so Lectern stopped it. Nothing was imported.',
      },
    })
    expect(await next).toEqual({ ok: true, value: 'next.html' })
    expect(await read(page, 'after.html')).toEqual({ ok: true, value: 'after.html' })
  }, 20_000)

  it('says what stopped a worker that throws, never "undefined"', async () => {
    const folder = await makeDir()
    const throwing = join(folder, 'throwing-worker.cjs')
    await writeFile(
      throwing,
      `const { parentPort } = require('node:worker_threads')
       parentPort.on('message', () => { throw undefined })`,
    )
    const read = readInWorker({ path: throwing })
    const result = await read(page, 'odd.html')
    expect(result).toMatchObject({ ok: false, error: { code: 'parse-failed' } })
    expect(!result.ok && result.error.message).not.toMatch(/undefined|\n/)
  }, 20_000)
})
