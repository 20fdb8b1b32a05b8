import { diskCause } from '../services/storage-failure'
import { ReaderFacingError } from '../store/reader-facing-error'

/** What the system's codes mean for a path the command met. */
const pathCauses: Record<string, string> = {
  ENOENT: 'was not found',
  ENOTDIR: 'could not be used: a folder on its path is a file',
  ELOOP: 'could not be used: a link on its path leads back to itself',
  EACCES: 'could not be used: lectern is not allowed to open it',
  EPERM: 'could not be used: lectern is not allowed to open it',
  ENAMETOOLONG: 'could not be used: its path is too long',
}

/**
 * One sentence for an error nobody expected (a bug, or the system failing in a way no step
 * handles): never a stack, a schema dump or a bare code. `isDebug` adds the detail after it.
 */
export function explainError(error: unknown, isDebug: boolean): string {
  const { code, path } = (error ?? {}) as { code?: unknown; path?: unknown }
  const pathCause = typeof code === 'string' ? pathCauses[code] : undefined
  const cause = diskCause(error)
  const sentence =
    error instanceof ReaderFacingError
      ? error.message
      : pathCause && typeof path === 'string'
        ? `${path} ${pathCause}.`
        : cause
          ? `The command stopped because ${cause}.`
          : 'The command stopped because of an unexpected problem.'
  const detail = isDebug
    ? `\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    : ' Run it again with LECTERN_DEBUG=1 to see the details.'
  return `${sentence}${detail}`
}
