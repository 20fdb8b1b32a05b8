import { dirname } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Adapter } from 'lowdb'
import { hasErrorCode, realFs, type StoreFs } from './store-fs'

/** Suffix of the adapter's temp files; anything left with it after a crash is stale. */
export const tempFileSuffix = '.lectern-tmp'

/**
 * A lowdb adapter whose writes survive crashes and power loss: the JSON goes to a uniquely named
 * temp file, which is fsynced, renamed over the target, and the directory fsynced, before the
 * write resolves. Writes to one file run one at a time, in call order.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  readonly #path: string
  readonly #fs: StoreFs
  #queue: Promise<unknown> = Promise.resolve()

  constructor(path: string, fs: StoreFs = realFs) {
    this.#path = path
    this.#fs = fs
  }

  /** The parsed file, or null when it does not exist. Throws on unreadable JSON. */
  async read(): Promise<T | null> {
    try {
      return JSON.parse(await this.#fs.readFile(this.#path, 'utf8')) as T
    } catch (error) {
      if (hasErrorCode(error, 'ENOENT')) return null
      throw error
    }
  }

  /** Replaces the file's content; resolves only once the new content is durable. */
  write(data: T): Promise<void> {
    return this.writeJson(JSON.stringify(data))
  }

  /** Replaces the file's content with JSON already made from its data (made once per save). */
  writeJson(json: string): Promise<void> {
    const run = this.#queue.then(() => this.#writeDurably(json))
    this.#queue = run.catch(() => undefined)
    return run
  }

  #writeDurably(json: string): Promise<void> {
    return writeFileDurably(this.#fs, this.#path, json)
  }
}

/**
 * Replaces a file so that a crash leaves the old or the new content, never a mix: a uniquely named
 * temp file is written and fsynced, renamed over the target, and the folder fsynced.
 */
export async function writeFileDurably(
  fs: StoreFs,
  path: string,
  data: string | Uint8Array,
): Promise<void> {
  const directory = dirname(path)
  await fs.mkdir(directory, { recursive: true })
  const tempPath = `${path}.${process.pid}-${randomBytes(6).toString('hex')}${tempFileSuffix}`
  try {
    const handle = await fs.open(tempPath, 'wx', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(tempPath, path)
  } catch (error) {
    await fs.unlink(tempPath).catch(() => undefined)
    throw error
  }
  try {
    await syncDirectory(fs, directory)
  } catch (error) {
    throw markReplaced(error)
  }
}

/**
 * Marks an error met after the rename: the file already holds the new content, but it may not
 * survive a power cut. The caller decides whether to put the old content back.
 */
function markReplaced(error: unknown): unknown {
  if (error instanceof Error) Object.assign(error, { isReplaced: true })
  return error
}

/** True when a failed write had already replaced the file (only the folder's fsync failed). */
export function wasReplaced(error: unknown): boolean {
  return error instanceof Error && (error as { isReplaced?: boolean }).isReplaced === true
}

/** Makes a rename in `directory` durable. Windows cannot open directories; it needs no fsync. */
async function syncDirectory(fs: StoreFs, directory: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(directory, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
