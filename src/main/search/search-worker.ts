import { parentPort } from 'node:worker_threads'
import { SearchEngine, type SearchRequest } from './search-engine'

/**
 * The search worker thread: builds, keeps and searches the index off the main process's
 * thread, so importing a book or the first search after a start never holds the window.
 * Requests are answered one at a time, in order.
 */
const engine = new SearchEngine()
let queue: Promise<unknown> = Promise.resolve()
parentPort?.on('message', ({ id, request }: { id: number; request: SearchRequest }) => {
  queue = queue
    .then(() => engine.handle(request))
    .then(
      (reply) => parentPort?.postMessage({ id, reply }),
      (error: unknown) =>
        parentPort?.postMessage({ id, error: error instanceof Error ? error.message : 'failed' }),
    )
})
