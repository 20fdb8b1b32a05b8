import { createHash } from 'node:crypto'
import { strToU8, zipSync } from 'fflate'

/**
 * A backup archive as `lectern backup` writes one (files plus a manifest with sizes and SHA-256),
 * but holding exactly the entries given, in the order given: a hostile or odd archive — a lock
 * file, paths that collide — that still passes the checksum test.
 */
export function makeBackupArchive(
  entries: readonly (readonly [path: string, content: string | Uint8Array])[],
): Uint8Array {
  const zipped: Record<string, Uint8Array> = {}
  const files = entries.map(([path, content]) => {
    const bytes = typeof content === 'string' ? strToU8(content) : content
    zipped[path] = bytes
    return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
  })
  const manifest = {
    app: 'lectern',
    formatVersion: 1,
    createdAt: '2026-11-28T09:00:00.000Z',
    files,
  }
  zipped['lectern-backup.json'] = strToU8(JSON.stringify(manifest, null, 2))
  return zipSync(zipped)
}
