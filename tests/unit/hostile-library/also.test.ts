import { execFileSync } from 'node:child_process'
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { articleId } from '../../support/annotated-library'
import {
  checkLibraryChild,
  runCliChild,
  snapshotLibrary,
  useLibraryChild,
  type LibrarySnapshot,
} from '../../support/library-snapshot'
import { servicesOn } from '../../support/services'
import { tempDirs } from '../../support/temp-dir'
import {
  acknowledged,
  caseTimeout,
  expectKept,
  expectNextStartKeeps,
  expectSentence,
  highlightWithNotes,
  trashNames,
} from './expect-kept'

// Issue 14, "Also:": what the command line writes outside the library never replaces a file
// without asking, start-up never leaves the data folder, and odd ids or duplicates in
// library.json are reported in sentences, found by check, and lose nothing.

async function libraryWithNotes(dataDir: string): Promise<LibrarySnapshot> {
  const services = await servicesOn(dataDir)
  await highlightWithNotes(services, articleId, 3)
  const ack = await acknowledged(services, dataDir)
  await services.store.close()
  return ack
}

async function editLibrary(
  dataDir: string,
  edit: (library: { documents: Record<string, unknown>[] }) => void,
) {
  const path = join(dataDir, 'library.json')
  const library = JSON.parse(await readFile(path, 'utf8')) as {
    documents: Record<string, unknown>[]
  }
  edit(library)
  await writeFile(path, JSON.stringify(library))
}

describe('the command line and odd data', () => {
  useLibraryChild()
  const makeDir = tempDirs('lectern-hostile-')

  for (const command of [['export', '--format', 'w3c'], ['backup']]) {
    it(
      `${command[0]} --out does not overwrite an existing file without --force`,
      async () => {
        const dataDir = await makeDir()
        await libraryWithNotes(dataDir)
        const out = join(await makeDir(), 'thesis.txt')
        await writeFile(out, 'Three years of my work.\n')
        const run = await runCliChild([...command, '--out', out, '--data-dir', dataDir])
        expect(await readFile(out, 'utf8'), 'the existing file was replaced').toBe(
          'Three years of my work.\n',
        )
        expect(run.code).not.toBe(0)
        expectSentence(run.err + run.out)
      },
      caseTimeout,
    )
  }

  it(
    'export --out refuses a named pipe and leaves it a pipe',
    async () => {
      const dataDir = await makeDir()
      await libraryWithNotes(dataDir)
      const fifo = join(await makeDir(), 'out.json')
      execFileSync('mkfifo', [fifo])
      const run = await runCliChild(
        ['export', '--format', 'w3c', '--out', fifo, '--data-dir', dataDir],
        {
          timeoutMs: 20_000,
        },
      )
      expect(run.timedOut, 'export to a pipe hung').toBe(false)
      expect((await lstat(fifo)).isFIFO(), 'the pipe was replaced by a file').toBe(true)
      expect(run.code).not.toBe(0)
      expectSentence(run.err + run.out)
    },
    caseTimeout,
  )

  it(
    'export --out through a symlink keeps the link',
    async () => {
      const dataDir = await makeDir()
      await libraryWithNotes(dataDir)
      const dir = await makeDir()
      const real = join(dir, 'real.json')
      const link = join(dir, 'link.json')
      await symlink(real, link)
      const run = await runCliChild([
        'export',
        '--format',
        'w3c',
        '--out',
        link,
        '--data-dir',
        dataDir,
      ])
      expectSentence(run.err + run.out)
      expect((await lstat(link)).isSymbolicLink(), 'the symlink was replaced by a file').toBe(true)
    },
    caseTimeout,
  )

  it(
    'start-up does not delete *.lectern-tmp files outside the data folder through a symlink',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      const outside = await makeDir()
      const precious = join(outside, 'draft.lectern-tmp')
      await writeFile(precious, 'not Lectern’s to delete')
      await symlink(outside, join(dataDir, 'elsewhere'))
      const fresh = await snapshotLibrary(dataDir)
      expectKept(ack, fresh, 'next start')
      expect(existsSync(precious), 'a file outside the data folder was deleted').toBe(true)
    },
    caseTimeout,
  )

  it(
    'lists the library when the data folder holds a symlink loop',
    async () => {
      const dataDir = await makeDir()
      await libraryWithNotes(dataDir)
      await symlink(join(dataDir, 'loop'), join(dataDir, 'loop'))
      await mkdir(join(dataDir, 'documents', 'sub'), { recursive: true }).catch(() => undefined)
      const run = await runCliChild(['list', '--data-dir', dataDir])
      expect(run.code, run.err).toBe(0)
      expectSentence(run.err || 'nothing on stderr')
      expect(run.out).toContain(articleId)
    },
    caseTimeout,
  )

  it(
    'show, check and export survive ids in upper case and ../ in library.json',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      await editLibrary(dataDir, (library) => {
        const good = library.documents.find((doc) => doc['id'] === articleId)!
        library.documents.push({ ...good, id: 'UPPER-CASE', title: 'Upper' })
        library.documents.push({ ...good, id: '../x', title: 'Outside' })
      })
      const show = await runCliChild(['show', articleId, '--data-dir', dataDir])
      expect(show.code, show.err).toBe(0)
      expectSentence(show.err || 'nothing on stderr', 'show')
      const exportOut = join(await makeDir(), 'out.json')
      const exported = await runCliChild([
        'export',
        '--format',
        'w3c',
        '--out',
        exportOut,
        '--data-dir',
        dataDir,
      ])
      expectSentence(exported.err + exported.out, 'export')
      expect(exported.code, exported.err).toBe(0)
      const check = await checkLibraryChild(dataDir)
      expect(check.report, check.err).not.toBeNull()
      expectSentence(check.err + check.out, 'check')
      expect(await trashNames(dataDir)).toEqual([])
      expectKept(ack, await snapshotLibrary(dataDir), 'after check')
    },
    caseTimeout,
  )

  it(
    'every command answers in sentences when library.json names ../articles/bundled',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      await editLibrary(dataDir, (library) => {
        const good = library.documents.find((doc) => doc['id'] === articleId)!
        library.documents.push({ ...good, id: '../articles/bundled', title: 'Bundled' })
      })
      const list = await runCliChild(['list', '--data-dir', dataDir])
      expectSentence(list.err || 'nothing on stderr', 'list')
      expect(list.out).toContain(articleId)
      await expectNextStartKeeps(dataDir, ack)
    },
    caseTimeout,
  )

  it(
    'check finds a document id listed twice, and loses neither',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      await editLibrary(dataDir, (library) => {
        const good = library.documents.find((doc) => doc['id'] === articleId)!
        library.documents.push({ ...good, title: 'The same id again' })
      })
      const check = await checkLibraryChild(dataDir)
      const said = [...(check.report?.problems ?? []), ...(check.report?.repaired ?? [])]
      expect(said, 'check said nothing of the duplicate').not.toEqual([])
      expectKept(ack, await snapshotLibrary(dataDir), 'after check')
    },
    caseTimeout,
  )

  it(
    'check finds a highlight id stored twice, and keeps both notes readable',
    async () => {
      const dataDir = await makeDir()
      const ack = await libraryWithNotes(dataDir)
      const path = join(dataDir, 'documents', articleId, 'annotations.json')
      const file = JSON.parse(await readFile(path, 'utf8')) as {
        highlights: { id: string; note: string }[]
      }
      const copy = {
        ...file.highlights[1]!,
        id: file.highlights[0]!.id,
        note: 'A second note under one id',
      }
      file.highlights.push(copy)
      await writeFile(path, JSON.stringify(file))
      const check = await checkLibraryChild(dataDir)
      const said = [...(check.report?.problems ?? []), ...(check.report?.repaired ?? [])]
      expect(said, 'check said nothing of the duplicate').not.toEqual([])
      const fresh = await snapshotLibrary(dataDir)
      expectKept(ack, fresh, 'after check')
      const notes = (fresh.highlights[articleId] ?? []).map((h) => h.note)
      expect(notes, 'the second note under one id').toContain('A second note under one id')
    },
    caseTimeout,
  )
})
