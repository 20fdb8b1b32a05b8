import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateProse, seededRandom } from '../../support/generated-text'
import {
  checkLibraryChild,
  checkLibraryText,
  snapshotLibrary,
  useLibraryChild,
  type LibrarySnapshot,
} from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import {
  acknowledged,
  caseTimeout,
  expectNextStartKeeps,
  expectSentence,
  findLosses,
  highlightWithNotes,
  importBytes,
} from './expect-kept'

// Found by the tester who did not write the storage code (issue 14, Lectern 9), attacking a
// library from outside: each case acts in one process and reads back in a fresh one. Each was a
// failing case when found; the comment above it says what had to change.

interface Built {
  readonly ack: LibrarySnapshot
  /** Two documents with six noted highlights each; A also has three cards and a review. */
  readonly a: string
  readonly b: string
}

/** A library as a reader leaves it after a session, and what they were told is saved. */
async function buildLibrary(dataDir: string): Promise<Built> {
  const services = await servicesOn(dataDir)
  const ids: string[] = []
  for (const [index, name] of ['alpha.txt', 'beta.txt'].entries()) {
    const prose = generateProse(seededRandom(140 + index), 1_500)
    const imported = await importBytes(services, name, `${name}\n\n${prose}\n`)
    if (!imported.ok) throw new Error(imported.error.message)
    ids.push(imported.value.document.id)
  }
  const [a, b] = ids as [string, string]
  const highlights = await highlightWithNotes(services, a, 6)
  await highlightWithNotes(services, b, 6)
  for (const [index, highlightId] of highlights.entries()) {
    if (index % 2 !== 0) continue
    const card = await services.cards.create(a, highlightId, {
      kind: 'basic',
      front: `Front ${index}`,
      back: `Back ${index}`,
      isReversible: false,
    })
    if (!card.ok) throw new Error(card.error.message)
    const graded = await services.reviews.grade(a, card.value.id, 'forward', 'good')
    if (!graded.ok) throw new Error(graded.error.message)
  }
  const ack = await acknowledged(services, dataDir)
  await services.store.close()
  return { ack, a, b }
}

async function editJson(path: string, edit: (value: Record<string, unknown>) => void) {
  const value = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  edit(value)
  await writeFile(path, JSON.stringify(value))
}

/** Makes one record of a file unreadable (a note that is a number), leaving the rest intact. */
function spoilRecord(field: string, index: number, key: string) {
  return (value: Record<string, unknown>) => {
    const records = value[field] as Record<string, unknown>[]
    records[index]![key] = 12
  }
}

/** Every file below `dir` (relative paths), recursively. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('found by the tester', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-tester-')

  // Fixed: a damaged copy of the last save is salvaged record by record too (today it is
  // skipped whole when it fails its schema, and only the session's first-write .bak is used).
  it(
    'keeps every highlight when annotations.json and the copy of its last save are damaged in different highlights',
    async () => {
      const dataDir = await makeDir()
      const { ack, a } = await buildLibrary(dataDir)
      const rel = join('documents', a, 'annotations.json')
      await editJson(join(dataDir, rel), spoilRecord('highlights', 4, 'note'))
      await editJson(
        join(dataDir, 'backups', `${rel}.latest`),
        spoilRecord('highlights', 1, 'note'),
      )
      const fresh = await snapshotLibrary(dataDir)
      // Highlight 4 is intact in the copy, highlight 1 in the file: both copies together hold all.
      expect(findLosses(ack, fresh)).toEqual([])
    },
    caseTimeout,
  )

  // Fixed: a damaged backups/<path>.latest is copied aside before saveLatest replaces it
  // (today recovery overwrites it, and the only intact copy of a record is destroyed).
  it(
    'keeps the bytes of a damaged copy of the last save instead of overwriting them',
    async () => {
      const dataDir = await makeDir()
      const { a } = await buildLibrary(dataDir)
      const rel = join('documents', a, 'annotations.json')
      const latest = join(dataDir, 'backups', `${rel}.latest`)
      await editJson(join(dataDir, rel), spoilRecord('highlights', 4, 'note'))
      await editJson(latest, spoilRecord('highlights', 1, 'note'))
      const damagedLatest = await readFile(latest, 'utf8')
      await snapshotLibrary(dataDir)
      const contents = await Promise.all(
        (await filesBelow(dataDir)).map((path) => readFile(path, 'utf8')),
      )
      expect(contents, 'no file holds the damaged copy any more').toContain(damagedLatest)
    },
    caseTimeout,
  )

  // Fixed: as above, for the review log (a review is lost when the day's log and its copy
  // are each damaged in a different entry).
  it(
    'keeps every review when the day’s log and the copy of its last save are damaged in different entries',
    async () => {
      const dataDir = await makeDir()
      const { ack } = await buildLibrary(dataDir)
      const [day] = await readdir(join(dataDir, 'reviews'))
      const rel = join('reviews', day!)
      await editJson(join(dataDir, rel), spoilRecord('entries', 2, 'id'))
      await editJson(join(dataDir, 'backups', `${rel}.latest`), spoilRecord('entries', 0, 'id'))
      const fresh = await snapshotLibrary(dataDir)
      expect(findLosses(ack, fresh)).toEqual([])
    },
    caseTimeout,
  )

  // Fixed: relisting lists a folder under the folder's own id (document.json's id is only
  // believed when it matches), and a relisted folder is not added again at every start.
  it(
    'lists a folder again under its own id when library.json is lost and its document.json names another id',
    async () => {
      const dataDir = await makeDir()
      const { ack, a } = await buildLibrary(dataDir)
      // One character of the id changed (a flipped bit, a sync tool, a hand edit).
      const otherId = `${a.slice(0, -1)}${a.endsWith('0') ? '1' : '0'}`
      await editJson(join(dataDir, 'documents', a, 'document.json'), (value) => {
        ;(value.document as { id: string }).id = otherId
      })
      await rm(join(dataDir, 'library.json'))
      await rm(join(dataDir, 'backups', 'library.json.latest'))
      for (const name of await readdir(join(dataDir, 'backups')))
        if (name.startsWith('library.json.')) await rm(join(dataDir, 'backups', name))
      const fresh = await snapshotLibrary(dataDir)
      expect.soft(findLosses(ack, fresh), 'first start after the loss').toEqual([])
      const again = await snapshotLibrary(dataDir)
      const ids = again.documents.map((doc) => doc.id)
      expect
        .soft(ids.length, `listed at the second start: ${ids.join(', ')}`)
        .toBe(new Set(ids).size)
      expect(findLosses(ack, again), 'second start').toEqual([])
    },
    caseTimeout,
  )

  // Fixed: a document.json whose id is not its folder's is not taken as "a new version was
  // completed" (today every start says so, and with library.json lost the folder is listed as the
  // other document: its highlights and cards disappear and the other document is listed twice).
  it(
    'tells the truth when a folder’s document.json is another document’s',
    async () => {
      const dataDir = await makeDir()
      const { ack, a, b } = await buildLibrary(dataDir)
      const bDescription = await readFile(join(dataDir, 'documents', b, 'document.json'))
      await writeFile(join(dataDir, 'documents', a, 'document.json'), bDescription)
      const fresh = await snapshotLibrary(dataDir)
      expect.soft(findLosses(ack, fresh)).toEqual([])
      expect(fresh.noticeMessages.join('\n')).not.toMatch(/saved a new version/)
    },
    caseTimeout,
  )

  // Fixed: a file whose documentId is another document's is treated as damaged (its copy
  // supplies the highlights) instead of valid; today the document shows the other one's
  // highlights, its own vanish without a word, and check then unlinks its cards for good.
  it(
    'keeps a document’s highlights and card links when its annotations.json is another document’s',
    async () => {
      const dataDir = await makeDir()
      const { ack, a, b } = await buildLibrary(dataDir)
      const other = await readFile(join(dataDir, 'documents', b, 'annotations.json'))
      await writeFile(join(dataDir, 'documents', a, 'annotations.json'), other)
      await expectNextStartKeeps(dataDir, ack)
      const cards = JSON.parse(
        await readFile(join(dataDir, 'documents', a, 'cards.json'), 'utf8'),
      ) as { cards: { highlightId: string | null }[] }
      expect(cards.cards.map((card) => card.highlightId)).not.toContain(null)
    },
    caseTimeout,
  )

  // Fixed: a damaged file from a newer Lectern is never written (today a stray comma makes
  // it "damaged" before its version is read: it is rewritten as version 2 without the newer
  // build's documents and fields, and the newer copy of its last save is overwritten too).
  it(
    'never rewrites a damaged library.json that a newer Lectern wrote',
    async () => {
      const dataDir = await makeDir()
      await buildLibrary(dataDir)
      const path = join(dataDir, 'library.json')
      const library = JSON.parse(await readFile(path, 'utf8')) as {
        schemaVersion: number
        documents: Record<string, unknown>[]
      }
      library.schemaVersion = 99
      library.documents.push({
        ...library.documents[1],
        id: 'podcast-episode-1',
        format: 'podcast',
        title: 'A podcast the newer Lectern imported',
      })
      const newer = JSON.stringify(library)
      await writeFile(join(dataDir, 'backups', 'library.json.latest'), newer)
      const damaged = newer.replace('"documents":[', '"documents":[,')
      await writeFile(path, damaged)
      await snapshotLibrary(dataDir)
      expect.soft(await readFile(path, 'utf8'), 'library.json').toBe(damaged)
      expect(
        await readFile(join(dataDir, 'backups', 'library.json.latest'), 'utf8'),
        'the newer copy of its last save',
      ).toBe(newer)
    },
    caseTimeout,
  )

  // Fixed: a folder (or anything not a regular file) where a data file belongs is read as
  // a missing file (its copy shown, read-only if need be) with a sentence; today the highlights
  // are not shown (a raw "EISDIR: illegal operation on a directory, read") and `lectern check`
  // stops with "The command stopped because of an unexpected problem".
  it(
    'explains an annotations.json that is a folder and still shows the highlights',
    async () => {
      const dataDir = await makeDir()
      const { ack, a } = await buildLibrary(dataDir)
      const path = join(dataDir, 'documents', a, 'annotations.json')
      await rename(path, join(dataDir, 'moved-away.json'))
      await mkdir(path)
      const check = await checkLibraryChild(dataDir)
      expect.soft(check.report, `check printed no report: ${check.err}`).not.toBeNull()
      expectSentence(check.err + check.out, 'check')
      const fresh = await snapshotLibrary(dataDir)
      expect(findLosses(ack, fresh)).toEqual([])
      expect(fresh.errors).toEqual({})
    },
    caseTimeout,
  )

  // Fixed: check reports what a recovery at an earlier start could not bring back (a
  // *.corrupt-* copy holding records the library lacks), instead of "No problems found".
  it(
    'does not say “No problems found” after a start that lost highlights in a recovery',
    async () => {
      const dataDir = await makeDir()
      const { ack, a } = await buildLibrary(dataDir)
      const rel = join('documents', a, 'annotations.json')
      const bytes = await readFile(join(dataDir, rel))
      await writeFile(join(dataDir, rel), bytes.subarray(0, Math.floor(bytes.length / 3)))
      await rm(join(dataDir, 'backups', `${rel}.latest`))
      const fresh = await snapshotLibrary(dataDir)
      // The premise: this double fault does lose work (the cut file and the first-write backup).
      expect(findLosses(ack, fresh).length).toBeGreaterThan(0)
      const check = await checkLibraryText(dataDir)
      expect(check.out + check.err).not.toMatch(/No problems found/)
    },
    caseTimeout,
  )

  // Fixed: the lenient parser resynchronises at the next record after a damaged string
  // (today one byte turned into `"` inside a note makes every later record unreadable). It
  // matters whenever the copy of the last save is missing: a library upgraded from Lectern 8
  // (no .latest until each file is saved again), or a copy removed after a failed write.
  it(
    'loses at most the damaged highlight when one byte of a note becomes a quote and there is no copy of the last save',
    async () => {
      const dataDir = await makeDir()
      const services = await servicesOn(dataDir)
      const prose = generateProse(seededRandom(150), 3_000)
      const imported = await importBytes(services, 'long.txt', `long.txt\n\n${prose}\n`)
      if (!imported.ok) throw new Error(imported.error.message)
      const id = imported.value.document.id
      await highlightWithNotes(services, id, 30)
      const ack = await acknowledged(services, dataDir)
      await services.store.close()
      const rel = join('documents', id, 'annotations.json')
      await rm(join(dataDir, 'backups', `${rel}.latest`))
      const text = await readFile(join(dataDir, rel), 'utf8')
      // "Note 11: why…" becomes "Note 1": why…": one byte changed.
      const damaged = text.replace('"Note 11:', '"Note 1":')
      expect(damaged).not.toBe(text)
      await writeFile(join(dataDir, rel), damaged)
      const fresh = await snapshotLibrary(dataDir)
      const lost = findLosses(ack, fresh)
      expect(lost.length, lost.join('; ')).toBeLessThanOrEqual(1)
    },
    caseTimeout,
  )

  // Fixed: a rotated backup that cannot be taken (backups/ is not a folder, or refuses
  // writes) does not block every save with "because of an unexpected error": the save goes on
  // (the copy is a safety net) or is refused with a sentence that says why.
  it(
    'saves a highlight, or says why in a sentence, when backups/ is not a folder',
    async () => {
      const dataDir = await makeDir()
      const { a } = await buildLibrary(dataDir)
      await rm(join(dataDir, 'backups'), { recursive: true })
      await writeFile(join(dataDir, 'backups'), 'a file where the backups folder was')
      const services = await servicesOn(dataDir, '2026-11-29T09:00:00.000Z')
      try {
        const made = await services.annotations.create({
          documentId: a,
          start: 0,
          end: 8,
          labelId: 'evidence',
        })
        const message = made.ok ? '' : made.error.message
        expect(message).not.toMatch(/unexpected/)
        expect(made.ok || /backup/i.test(message), message).toBe(true)
      } finally {
        await services.store.close()
      }
    },
    caseTimeout,
  )

  // Fixed: check finds cards sharing an id, as it does highlights (today "No problems
  // found"; deleting either card then deletes both, and they share one schedule).
  it(
    'gives each of two cards that share an id its own, so deleting one keeps the other',
    async () => {
      const dataDir = await makeDir()
      const { a } = await buildLibrary(dataDir)
      const path = join(dataDir, 'documents', a, 'cards.json')
      await editJson(path, (value) => {
        const cards = value.cards as Record<string, unknown>[]
        cards.push({
          ...cards[0],
          content: { kind: 'basic', front: 'A second card', back: 'same id', isReversible: false },
        })
      })
      const check = await checkLibraryChild(dataDir)
      expect.soft(check.report?.repaired.join('\n') ?? '').toMatch(/card/i)
      const services = await servicesOn(dataDir, '2026-11-29T09:00:00.000Z')
      try {
        const file = await services.store.cards(a, 'alpha.txt')
        const first = file.data.cards[0]!
        const removed = await services.cards.remove(a, first.id)
        expect(removed.ok).toBe(true)
        const fronts = file.data.cards.map((card) =>
          card.content.kind === 'basic' ? card.content.front : '',
        )
        expect(fronts).toContain('A second card')
      } finally {
        await services.store.close()
      }
    },
    caseTimeout,
  )

  // Fixed: a card whose schedule is lost takes it from the review log (the log is the
  // source of truth for schedules) instead of starting again as new: today `check` says "gave 1
  // card its missing schedules" with reps 0 although the log holds its review.
  it(
    'rebuilds a reviewed card’s lost schedule from the review log, not as a new card',
    async () => {
      const dataDir = await makeDir()
      const { a } = await buildLibrary(dataDir)
      const folder = join(dataDir, 'documents', a, 'schedules')
      const [shard] = (await readdir(folder)).sort()
      const before = JSON.parse(await readFile(join(folder, shard!), 'utf8')) as {
        schedules: Record<string, { reps: number }>
      }
      const [key, reviewed] = Object.entries(before.schedules)[0]!
      expect(reviewed.reps).toBeGreaterThan(0)
      await rm(join(folder, shard!))
      const backupFolder = join(dataDir, 'backups', 'documents', a, 'schedules')
      for (const name of await readdir(backupFolder))
        if (name.startsWith(`${shard!}.`)) await rm(join(backupFolder, name))
      await checkLibraryChild(dataDir)
      const after = JSON.parse(await readFile(join(folder, shard!), 'utf8')) as {
        schedules: Record<string, { reps: number }>
      }
      expect(after.schedules[key]?.reps).toBe(reviewed.reps)
    },
    caseTimeout,
  )
})
