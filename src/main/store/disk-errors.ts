/** Plain words for the file-system errors a read or a save can meet. */
const causes: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'Lectern is not allowed to write to its data folder',
  EPERM: 'Lectern is not allowed to write to its data folder',
  EROFS: 'the data folder is on a read-only disk',
  EIO: 'the disk reported an error',
  EMFILE: 'too many files are open',
  EISDIR: 'a folder stands where a file should be',
  ENOTDIR: 'a file stands where a folder should be',
}

/**
 * The disk's reason for an error, in plain words, or null when the error is not the disk's (a
 * bug). Used for reads too: a file that could not be read is reported, never replaced.
 */
export function diskCause(error: unknown): string | null {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined
  return (code && causes[code]) ?? null
}
