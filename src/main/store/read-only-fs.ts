import type { StoreFs } from './store-fs'

/**
 * The file system as a library opened read-only sees it: reads pass, every write (mkdir, open
 * for writing, rename, unlink, copy, link, rmdir, rm) throws `refusal()` before touching the
 * disk. A backstop under the read-only files, so that no path of the code can write.
 */
export function readOnlyFs(fs: StoreFs, refusal: () => Error): StoreFs {
  const refuse = async (): Promise<never> => {
    throw refusal()
  }
  return {
    ...fs,
    mkdir: refuse as StoreFs['mkdir'],
    rename: refuse,
    unlink: refuse,
    copyFile: refuse,
    link: refuse,
    rmdir: refuse,
    rm: refuse,
    open: (async (path: string, flags?: string, mode?: number) => {
      if (flags !== undefined && flags !== 'r') return refuse()
      return fs.open(path, flags, mode)
    }) as StoreFs['open'],
  }
}
