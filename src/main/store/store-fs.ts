import * as nodeFs from 'node:fs/promises'

/**
 * The file operations the store uses, and nothing more. Passed in rather than imported so tests
 * can inject faults (ENOSPC, EIO…) at any single step of a save.
 */
export type StoreFs = Pick<
  typeof nodeFs,
  | 'open'
  | 'rename'
  | 'mkdir'
  | 'unlink'
  | 'readFile'
  | 'readdir'
  | 'copyFile'
  | 'stat'
  | 'rmdir'
  | 'rm'
  | 'link'
>

/** The real file system. */
export const realFs: StoreFs = nodeFs

/** True when `error` is a Node system error with the given code. */
export function hasErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}
