import { parentPort } from 'node:worker_threads'
import { readDocument } from './import-format'

/**
 * The importer's worker thread: parses files off the main process's thread, so the window's
 * requests are answered while a long page or book is being read.
 */
parentPort?.on('message', (job: { id: number; bytes: Uint8Array; fileName: string }) => {
  parentPort?.postMessage({ id: job.id, result: readDocument(job.bytes, job.fileName) })
})
