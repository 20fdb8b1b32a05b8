import type { FileHandle } from 'node:fs/promises'
import { relative } from 'node:path'
import { realFs, type StoreFs } from '../../src/main/store/store-fs'

/** The errors a disk gives a save: a failing device, a full disk, a folder made read-only. */
export const faultCodes = ['EIO', 'ENOSPC', 'EACCES'] as const
export type FaultCode = (typeof faultCodes)[number]

/** One step of a save, as the store took it: `rename annotations.json`, `sync <dir>`. */
export type Step = string

/**
 * The real file system with a tracer and a trap: every step of a save (mkdir, open, write,
 * fsync, close, rename, copy, unlink, rmdir, rm) is recorded, and the step numbered `failAt` (counting
 * from 0 since `arm`) throws a system error with `code` instead of running. Reads pass through
 * unless `failingReads` names a file whose reads fail.
 */
export class FaultyFs {
  readonly steps: Step[] = []
  #failAt = -1
  #code: FaultCode = 'EIO'
  #root: string
  /** How many faults were thrown since this object was made. */
  injected = 0

  constructor(root: string) {
    this.#root = root
  }

  /** Starts counting steps afresh; the step `failAt` will fail with `code` (-1: none). */
  arm(failAt: number, code: FaultCode = 'EIO'): void {
    this.steps.length = 0
    this.#failAt = failAt
    this.#code = code
  }

  disarm(): void {
    this.#failAt = -1
  }

  #step(name: string, path: string): void {
    const index = this.steps.length
    this.steps.push(`${name} ${relative(this.#root, path) || '.'}`)
    if (index === this.#failAt) {
      this.injected++
      throw Object.assign(new Error(`${this.#code}: injected fault at ${name} ${path}`), {
        code: this.#code,
        syscall: name,
        path,
      })
    }
  }

  /** Reads of files whose path ends with this fail with `readCode` (null: reads pass). */
  failingReads: { pathEnd: string; code: FaultCode } | null = null

  readonly fs: StoreFs = {
    ...realFs,
    readFile: (async (path: string, options?: unknown) => {
      const failing = this.failingReads
      if (failing && String(path).endsWith(failing.pathEnd)) {
        this.injected++
        throw Object.assign(new Error(`${failing.code}: injected fault at read ${path}`), {
          code: failing.code,
          syscall: 'read',
          path,
        })
      }
      return realFs.readFile(path, options as never)
    }) as StoreFs['readFile'],
    mkdir: (async (path: string, options?: Parameters<StoreFs['mkdir']>[1]) => {
      this.#step('mkdir', path)
      return realFs.mkdir(path, options)
    }) as StoreFs['mkdir'],
    open: (async (path: string, flags?: string, mode?: number) => {
      const isRead = flags === undefined || flags === 'r'
      this.#step(isRead ? 'open-read' : 'open', path)
      const handle = await realFs.open(path, flags, mode)
      return this.#traced(handle, path)
    }) as StoreFs['open'],
    rename: async (from, to) => {
      this.#step('rename', String(to))
      return realFs.rename(from, to)
    },
    copyFile: async (from, to, mode) => {
      this.#step('copy', String(to))
      return realFs.copyFile(from, to, mode)
    },
    unlink: async (path) => {
      this.#step('unlink', String(path))
      return realFs.unlink(path)
    },
    rmdir: async (path, options) => {
      this.#step('rmdir', String(path))
      return realFs.rmdir(path, options)
    },
    rm: async (path, options) => {
      this.#step('rm', String(path))
      return realFs.rm(path, options)
    },
  }

  #traced(handle: FileHandle, path: string): FileHandle {
    return Object.assign(Object.create(handle) as FileHandle, {
      writeFile: async (...args: Parameters<FileHandle['writeFile']>) => {
        this.#step('write', path)
        return handle.writeFile(...args)
      },
      sync: async () => {
        this.#step('sync', path)
        return handle.sync()
      },
      // A failed close still releases the descriptor: the fault is reported after closing.
      close: async () => {
        await handle.close()
        this.#step('close', path)
      },
    })
  }
}
