import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createBackupArchive, listLibraryFiles } from '../../../../src/main/backup/backup-archive'
import { restoreBackupArchive } from '../../../../src/main/backup/restore-archive'
import { annotateArticle } from '../../../support/annotated-library'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

/** Every library file's bytes, by path: what "the same library" means. */
async function canonical(dataDir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const path of await listLibraryFiles(dataDir))
    files[path] = (await readFile(join(dataDir, path))).toString('base64')
  return files
}

describe('backup archives', () => {
  const makeDir = tempDirs()

  async function annotatedLibrary() {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const { cards } = await annotateArticle(services)
    await services.reviews.grade(cards[0]!.documentId, cards[0]!.id, 'forward', 'good')
    return { dataDir, services }
  }

  it('restores into an empty folder as the same library, byte for byte', async () => {
    const { dataDir } = await annotatedLibrary()
    const archive = await createBackupArchive(dataDir, '2026-11-28T10:00:00.000Z')
    const restored = join(await makeDir(), 'restored')
    expect(await restoreBackupArchive(archive, restored)).toBeNull()
    const original = await canonical(dataDir)
    expect(Object.keys(original)).toEqual(
      expect.arrayContaining([
        'library.json',
        expect.stringMatching(/^reviews\/\d{4}-\d{2}-\d{2}\.json$/),
      ]),
    )
    expect(await canonical(restored)).toEqual(original)
    // The restored library opens with its highlights and cards.
    const reopened = await servicesOn(restored)
    expect(reopened.store.notices).toEqual([])
    const cards = await reopened.cards.list('europol-warns-about-e2ee')
    expect(cards.ok && cards.value).toHaveLength(3)
  })

  it('leaves out per-file backups, archives, temp files and damaged copies', async () => {
    const { dataDir } = await annotatedLibrary()
    await mkdir(join(dataDir, 'archives'), { recursive: true })
    await writeFile(join(dataDir, 'archives', 'lectern-daily-2026-11-27T10-00-00.zip'), 'old')
    await writeFile(join(dataDir, 'library.json.corrupt-2026'), 'x')
    await writeFile(join(dataDir, 'library.json.tmp-123'), 'x')
    // Regression: a write in flight (the store's own temp-file name) was archived.
    await writeFile(join(dataDir, 'library.json.4242-abcdef.lectern-tmp'), 'x')
    const entries = Object.keys(
      unzipSync(await createBackupArchive(dataDir, '2026-11-28T10:00:00.000Z')),
    )
    expect(entries.some((path) => /^(archives|backups)\/|corrupt|\.tmp-/.test(path))).toBe(false)
    expect(entries.some((path) => path.endsWith('.lectern-tmp'))).toBe(false)
    expect(entries).toContain('lectern-backup.json')
  })

  it('never restores over a library, and refuses damaged or hostile archives without writing', async () => {
    const { dataDir } = await annotatedLibrary()
    const archive = await createBackupArchive(dataDir, '2026-11-28T10:00:00.000Z')
    expect(await restoreBackupArchive(archive, dataDir)).toMatch(/is not empty/)

    const entries = unzipSync(archive)
    const manifest = JSON.parse(strFromU8(entries['lectern-backup.json']!))
    const tampered = zipSync({ ...entries, 'library.json': strToU8('{"schemaVersion":1}') })
    const escaping = zipSync({
      ...entries,
      'lectern-backup.json': strToU8(
        JSON.stringify({ ...manifest, files: [{ path: '../evil.json', size: 1, sha256: 'x' }] }),
      ),
    })
    const cases: [Uint8Array, RegExp][] = [
      [tampered, /library\.json in the backup is damaged/],
      [escaping, /outside the data folder/],
      [strToU8('not a zip'), /not a Lectern backup/],
      [zipSync({ 'a.txt': strToU8('a') }), /no backup manifest/],
    ]
    for (const [bytes, message] of cases) {
      const target = join(await makeDir(), 'target')
      expect(await restoreBackupArchive(bytes, target)).toMatch(message)
      expect(await readFile(join(target, 'library.json')).catch(() => null)).toBeNull()
    }
  })
})
