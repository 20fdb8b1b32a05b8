import { constants, type Stats } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { fail, ok, type Result } from '../../shared/ipc/result'
import { formatMegabytes, maxTextFileBytes } from './decode-text'

/** Why a file chosen for import could not be read. */
export type ReadFileFailure = 'not-found' | 'not-a-file' | 'too-large' | 'unreadable'

/** What a file that grows while it is read is read on by, after the size fstat gave. */
const readChunkBytes = 1024 * 1024

/** "notes.md" from "/home/reader/notes.md" (or a Windows path). */
function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '')
}

/**
 * Reads a file for import, bounded before a byte is read: only a regular file (a named pipe, a
 * device such as /dev/zero behind a symlink, or a folder is refused), its size from `fstat` on
 * the opened handle checked against the limit, and at most limit + 1 bytes read (a file that
 * grows while it is read is refused, not read without end). Every failure is a sentence.
 */
export async function readImportFile(
  path: string,
  // The limit a dropped file meets at the window's door too (request-schemas), EPUBs included.
  maxBytes = maxTextFileBytes,
): Promise<Result<Uint8Array, ReadFileFailure>> {
  const name = `“${baseName(path)}”`
  let info: Stats
  try {
    // Checked before opening: opening a named pipe for reading waits for a writer, forever.
    info = await stat(path)
  } catch (error) {
    return describeError(error, name)
  }
  const kind = checkKind(info, name, maxBytes)
  if (!kind.ok) return kind
  let handle
  try {
    // Non-blocking, so that a file swapped for a pipe since the check above cannot hang open.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    return describeError(error, name)
  }
  try {
    const opened = await handle.stat()
    const checked = checkKind(opened, name, maxBytes)
    if (!checked.ok) return checked
    // Never more than one byte past the limit: that byte tells a file that grew past the limit
    // since fstat from one that is exactly at it. The first read asks for the whole file.
    const chunks: Uint8Array[] = []
    let total = 0
    let wanted = Math.min(opened.size, maxBytes) + 1
    while (total <= maxBytes) {
      const chunk = new Uint8Array(Math.min(wanted, maxBytes + 1 - total))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      wanted = readChunkBytes
    }
    if (total > maxBytes) return tooLarge(name, maxBytes, maxBytes, 'over ')
    return ok(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks))
  } catch (error) {
    return describeError(error, name)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

function checkKind(info: Stats, name: string, maxBytes: number): Result<true, ReadFileFailure> {
  if (info.isDirectory())
    return fail('not-a-file', `${name} is a folder, not a file. Choose the files inside it.`)
  if (!info.isFile())
    return fail(
      'not-a-file',
      `${name} is not a regular file (it is ${kindOf(info)}); Lectern imports only ordinary files.`,
    )
  if (info.size > maxBytes) return tooLarge(name, info.size, maxBytes)
  return ok(true)
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  if (info.isSocket()) return 'a socket'
  return 'not an ordinary file'
}

function tooLarge(
  name: string,
  size: number,
  maxBytes: number,
  over = '',
): Result<never, 'too-large'> {
  return fail(
    'too-large',
    `${name} is ${over}${formatMegabytes(size)}; Lectern imports files up to ${formatMegabytes(maxBytes)}.`,
  )
}

/** The system's error as a sentence a reader understands; the code never stands alone. */
function describeError(error: unknown, name: string): Result<never, ReadFileFailure> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return fail('not-found', `${name} was not found: it may have been moved or deleted.`)
    case 'ENOTDIR':
      return fail('not-found', `${name} was not found: a folder on its path is a file.`)
    case 'EISDIR':
      return fail('not-a-file', `${name} is a folder, not a file. Choose the files inside it.`)
    case 'EACCES':
    case 'EPERM':
      return fail('unreadable', `${name} could not be read: Lectern is not allowed to open it.`)
    case 'ELOOP':
      return fail(
        'unreadable',
        `${name} could not be read: it is a link that leads back to itself.`,
      )
    case 'ENAMETOOLONG':
      return fail('unreadable', `${name} could not be read: its path is too long.`)
    case 'EAGAIN':
    case 'EWOULDBLOCK':
      return fail(
        'not-a-file',
        `${name} is not a regular file; Lectern imports only ordinary files.`,
      )
    case 'EIO':
      return fail('unreadable', `${name} could not be read: the disk reported an error.`)
    default:
      return fail('unreadable', `${name} could not be read.`)
  }
}
