import { Worker } from 'node:worker_threads'
import { SearchEngine, type SearchReplies, type SearchRequest } from './search-engine'

/** Where the search engine runs: one request at a time, answered in order. */
export interface SearchBackend {
  request<R extends SearchRequest>(
    request: R,
    options?: RequestOptions,
  ): Promise<SearchReplies[R['type']]>
  /**
   * Which engine the next request goes to: it changes when a worker stopped, as the next one
   * holds only what its kept file held and must be opened and told everything again.
   */
  readonly generation: number
  /** True when the engine runs off the calling thread (in a worker). */
  readonly isOffThread: boolean
  /**
   * Keeps the process alive until `work` settles: a search or flush may wait behind indexing
   * that does not (an import's), and must still get its answer.
   */
  hold<T>(work: Promise<T>): Promise<T>
  /** Stops the engine (a pending save is dropped; the next start rebuilds what it lacks). */
  dispose(): Promise<void>
}

/** How a request is run. */
export interface RequestOptions {
  /**
   * False for work the process need not wait for (indexing after an import): the command line
   * exits when its command is done rather than when the index is (default true).
   */
  readonly keepsProcessAlive?: boolean
}

/** The worker script and how to start it (a TypeScript loader in development). */
export interface SearchWorkerOptions {
  readonly path: string
  readonly execArgv?: readonly string[]
}

/**
 * The engine on the calling thread: for tests, and where no worker script is built. It writes
 * the kept index only when flushed, so a test's data dir never changes after the test.
 */
export function searchOnThisThread(saveDelayMs: number | null = null): SearchBackend {
  const engine = new SearchEngine(saveDelayMs)
  let queue: Promise<unknown> = Promise.resolve()
  return {
    generation: 1,
    isOffThread: false,
    request: <R extends SearchRequest>(request: R) => {
      const run = queue.then(() => engine.handle(request) as Promise<SearchReplies[R['type']]>)
      queue = run.catch(() => undefined)
      return run
    },
    hold: (work) => work,
    dispose: async () => undefined,
  }
}

interface Pending {
  readonly resolve: (reply: unknown) => void
  readonly reject: (error: Error) => void
  readonly keepsProcessAlive: boolean
}

/**
 * The engine in a worker thread, started on the first request and kept; it answers in order.
 * A worker that dies fails what it held with a sentence; the next request starts a new one.
 */
export function searchInWorker(options: SearchWorkerOptions): SearchBackend {
  let worker: Worker | null = null
  let generation = 1
  let nextId = 0
  let holds = 0
  const pending = new Map<number, Pending>()

  /** The worker keeps the process alive only while someone waits for it (not the command line). */
  const updateRef = () => {
    const isWaitedFor = holds > 0 || [...pending.values()].some((job) => job.keepsProcessAlive)
    if (isWaitedFor) worker?.ref()
    else worker?.unref()
  }
  const stop = (reason: string) => {
    const stopped = worker
    worker = null
    generation += 1
    void stopped?.terminate()
    for (const job of pending.values())
      job.reject(new Error(`Search stopped (${reason}); searching again starts it afresh.`))
    pending.clear()
  }
  const start = () => {
    const started = new Worker(options.path, { execArgv: [...(options.execArgv ?? [])] })
    const isCurrent = () => worker === started
    started.on(
      'message',
      ({ id, reply, error }: { id: number; reply: unknown; error?: string }) => {
        const job = pending.get(id)
        pending.delete(id)
        if (error === undefined) job?.resolve(reply)
        else job?.reject(new Error(`Search could not answer (${error}).`))
        if (isCurrent()) updateRef()
      },
    )
    started.on('error', (error) => {
      if (isCurrent()) stop(error instanceof Error ? error.message.split('\n')[0]! : 'an error')
    })
    started.on('exit', (code) => {
      if (isCurrent()) stop(`exit code ${code}`)
    })
    return started
  }
  return {
    get generation() {
      return generation
    },
    isOffThread: true,
    request: <R extends SearchRequest>(request: R, requestOptions?: RequestOptions) =>
      new Promise<SearchReplies[R['type']]>((resolve, reject) => {
        worker ??= start()
        const id = nextId++
        pending.set(id, {
          resolve: resolve as (reply: unknown) => void,
          reject,
          keepsProcessAlive: requestOptions?.keepsProcessAlive ?? true,
        })
        updateRef()
        worker.postMessage({ id, request })
      }),
    hold: async (work) => {
      holds += 1
      updateRef()
      try {
        return await work
      } finally {
        holds -= 1
        updateRef()
      }
    },
    dispose: async () => {
      const stopped = worker
      worker = null
      generation += 1
      await stopped?.terminate()
    },
  }
}
