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
}

/**
 * Reads on the calling thread: for tests, and where no worker script is built. The parsers
 * (jsdom above all, ~0.4 s to load) are loaded on the first import, not at start.
 */
export const readOnThisThread: DocumentReader = async (bytes, fileName) =>
  (await import('./import-format')).readDocument(bytes, fileName)

/**
 * Reads in a worker thread, started on first use and kept; one file at a time, in order. If the
 * worker dies (a file that exhausts its memory, say), the files it held fail with a message and
 * the next file starts a new worker.
 */
export function readInWorker(options: ReadWorkerOptions): DocumentReader {
  let worker: Worker | null = null
  let nextId = 0
  const pending = new Map<number, { fileName: string; resolve: (result: ReadResult) => void }>()
  const failAll = (reason: string) => {
    for (const { fileName, resolve } of pending.values())
      resolve(
        fail('parse-failed', `“${fileName}” could not be read: ${reason}. Nothing was imported.`),
      )
    pending.clear()
    worker = null
  }
  const start = () => {
    const started = new Worker(options.path, { execArgv: [...(options.execArgv ?? [])] })
    started.on('message', ({ id, result }: { id: number; result: ReadResult }) => {
      pending.get(id)?.resolve(result)
      pending.delete(id)
      // Nothing waiting: let the process exit (the command line) without stopping the worker.
      if (pending.size === 0) started.unref()
    })
    started.on('error', (error) => failAll(`the importer stopped (${error.message})`))
    started.on('exit', (code) => {
      if (pending.size > 0) failAll(`the importer stopped (exit code ${code})`)
      worker = null
    })
    return started
  }
  return (bytes, fileName) =>
    new Promise((resolve) => {
      worker ??= start()
      worker.ref()
      const id = nextId++
      pending.set(id, { fileName, resolve })
      worker.postMessage({ id, bytes, fileName })
    })
}
