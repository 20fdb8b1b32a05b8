import { Worker } from 'node:worker_threads'
import { fail, type Result } from '../../shared/ipc/result'
import type { ParsedText } from './plain-text/parse-plain-text'
import type { ImportFormat, ReadFailure } from './import-format'

/** What reading a file gives: the parsed document with its format, or why not. */
export type ReadResult = Result<{ format: ImportFormat; parsed: ParsedText }, ReadFailure>

/** Reads a file's bytes as a document. */
export type DocumentReader = (bytes: Uint8Array, fileName: string) => Promise<ReadResult>

/** The worker script and how to start it (a TypeScript loader in development). */
export interface ReadWorkerOptions {
  readonly path: string
  readonly execArgv?: readonly string[]
  /** How long one file may take, in milliseconds, before its worker is stopped. */
  readonly timeBudgetMs?: number
}

/**
 * A file that takes longer than this to read is stopped: a page built to be slow would otherwise
 * hold the import (and, on the command line, the library's lock) for as long as it likes. Twice
 * the longest honest file measured: a 5 MB web page read in 4.7 s and a 20 MB text in 13 s on a
 * busy two-core machine, so a page at the 50 MB limit takes about 50 s.
 */
export const defaultReadTimeBudgetMs = 120_000

/**
 * Reads on the calling thread: for tests, and where no worker script is built. The parsers
 * (jsdom above all, ~0.4 s to load) are loaded on the first import, not at start.
 */
export const readOnThisThread: DocumentReader = async (bytes, fileName) =>
  (await import('./import-format')).readDocument(bytes, fileName)

interface ReadJob {
  readonly id: number
  readonly bytes: Uint8Array
  readonly fileName: string
  readonly resolve: (result: ReadResult) => void
}

/**
 * Reads in a worker thread, started on first use and kept; one file at a time, in order, each
 * within the time budget. A file that runs over it has its worker stopped and fails with a
 * sentence, as does one whose worker dies (a file that exhausts its memory, say); the next file
 * starts a new worker.
 */
export function readInWorker(options: ReadWorkerOptions): DocumentReader {
  const budget = options.timeBudgetMs ?? defaultReadTimeBudgetMs
  let worker: Worker | null = null
  let nextId = 0
  const queue: ReadJob[] = []
  let isOnline = false
  let current: { job: ReadJob; timer?: ReturnType<typeof setTimeout> } | null = null
  /** The budget counts from when the worker runs: starting one (a loader, say) is not reading. */
  const armTimer = () => {
    if (!current || current.timer || !isOnline) return
    current.timer = setTimeout(
      () => stop(`it took longer than ${describeDuration(budget)} to read, so Lectern stopped it`),
      budget,
    )
  }

  const finish = (result: ReadResult) => {
    if (!current) return
    clearTimeout(current.timer)
    const { job } = current
    current = null
    job.resolve(result)
    startNext()
  }
  /** Stops the worker (it may be busy with the file for ever) and fails the file it held. */
  const stop = (reason: string) => {
    const stopped = worker
    worker = null
    void stopped?.terminate()
    if (current)
      finish(
        fail(
          'parse-failed',
          `“${current.job.fileName}” could not be read: ${reason}. Nothing was imported.`,
        ),
      )
  }
  const start = () => {
    const started = new Worker(options.path, { execArgv: [...(options.execArgv ?? [])] })
    isOnline = false
    // Events of a worker already stopped or replaced concern no file any more.
    const isCurrent = () => worker === started
    started.on('online', () => {
      if (!isCurrent()) return
      isOnline = true
      armTimer()
    })
    started.on('message', ({ id, result }: { id: number; result: ReadResult }) => {
      if (isCurrent() && current?.job.id === id) finish(result)
    })
    started.on('error', (error) => {
      if (isCurrent()) stop(`the importer stopped (${describeError(error)})`)
    })
    started.on('exit', (code) => {
      if (isCurrent()) stop(`the importer stopped (exit code ${code})`)
    })
    return started
  }
  const startNext = () => {
    const job = queue.shift()
    if (!job) {
      // Nothing waiting: let the process exit (the command line) without stopping the worker.
      worker?.unref()
      return
    }
    worker ??= start()
    worker.ref()
    current = { job }
    armTimer()
    worker.postMessage({ id: job.id, bytes: job.bytes, fileName: job.fileName })
  }
  return (bytes, fileName) =>
    new Promise((resolve) => {
      queue.push({ id: nextId++, bytes, fileName, resolve })
      if (!current) startNext()
    })
}

/** A worker's error as words: its message, never "undefined" or a stack. */
function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0]?.trim() : ''
  return message || 'an unexpected error'
}

function describeDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${milliseconds} ms`
  const seconds = Math.round(milliseconds / 1000)
  return seconds === 1 ? '1 second' : `${seconds} seconds`
}
