import { readdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { createBackupArchive } from '../backup/backup-archive'
import { restoreBackupArchive } from '../backup/restore-archive'
import { notebookFileName } from '../../shared/export/markdown-notebook'
import { createServices, type Services } from '../services/create-services'
import { readImportFile } from '../importing/read-import-file'
import { checkLibrary } from '../services/library-check'
import { explainError } from './explain-error'
import { parseArgs, usage, type CliCommand } from './parse-args'
import { folderProblem, outProblem, writeOut } from './write-out'

/** The largest backup archive restore reads (it is unpacked in memory). */
const maxArchiveBytes = 2 * 1024 ** 3 - 1

/** Where the command line writes and what it runs on. */
export interface CliEnvironment {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly env: Readonly<Record<string, string | undefined>>
  readonly defaultDataDir: string
  readonly resourcesDir: string
  /** The built import worker; files are parsed on this thread without it. */
  readonly importWorkerPath?: string
}

/**
 * Runs one command; resolves to the exit code (0 ok, 1 something failed, 2 bad usage). Never
 * rejects: an error no step expected is one sentence (its detail with LECTERN_DEBUG=1).
 */
export async function runCli(argv: readonly string[], io: CliEnvironment): Promise<number> {
  try {
    return await runParsed(argv, io)
  } catch (error) {
    io.err(`lectern: ${explainError(error, io.env['LECTERN_DEBUG'] === '1')}\n`)
    return 1
  }
}

async function runParsed(argv: readonly string[], io: CliEnvironment): Promise<number> {
  const parsed = parseArgs(argv)
  if (typeof parsed === 'string') {
    io.err(`lectern: ${parsed}\n`)
    return 2
  }
  if (parsed.command === 'usage') {
    io.err(usage)
    return 2
  }
  if (parsed.command === 'help') {
    io.out(usage)
    return 0
  }
  const namedDataDir = parsed.dataDir ?? io.env['LECTERN_DATA_DIR'] ?? null
  const dataDir = namedDataDir ?? io.defaultDataDir
  const print = (human: string, json: unknown) =>
    io.out(parsed.isJson ? `${JSON.stringify(json)}\n` : `${human}\n`)
  // Restore comes before opening the store: opening would create files in the empty folder.
  if (parsed.command === 'restore') {
    // A restore into the reader's own library must be asked for by name, unless it is empty.
    if (!namedDataDir && (await readdir(dataDir).catch(() => [])).length > 0) {
      io.err(
        `lectern: this would restore into your library at ${dataDir}; name the folder with --data-dir.\n`,
      )
      return 1
    }
    return restore(parsed.operands[0]!, dataDir, print, io.err)
  }
  const services = await createServices({
    dataDir,
    resourcesDir: io.resourcesDir,
    ...(io.importWorkerPath ? { importWorker: { path: io.importWorkerPath } } : {}),
  })
  for (const notice of services.store.notices)
    io.err(`lectern: ${notice.title}. ${notice.message}\n`)
  try {
    return await runCommand(parsed, services, dataDir, print, io)
  } finally {
    await services.close()
  }
}

async function runCommand(
  parsed: CliCommand,
  services: Services,
  dataDir: string,
  print: (human: string, json: unknown) => void,
  io: CliEnvironment,
): Promise<number> {
  switch (parsed.command) {
    case 'import':
      return importFiles(services, parsed.operands, print)
    case 'list': {
      const documents = services.library.list()
      if (parsed.isJson) print('', documents)
      else
        for (const doc of documents)
          print(
            `${doc.id}  ${doc.title}${doc.author ? ` — ${doc.author}` : ''}  (${doc.format}, ${doc.wordCount} words${doc.source ? `, ${doc.source.name}` : ''})`,
            null,
          )
      return 0
    }
    case 'show':
      return showDocument(services, parsed.operands[0]!, print, io.err)
    case 'check': {
      const report = await checkLibrary(services)
      // A notice is something the store had to do or could not do (a file recovered, lost or
      // read-only): the library is not "without problems" then, and the exit code says so.
      const isClean = report.problems.length === 0 && report.notices.length === 0
      if (parsed.isJson) print('', report)
      else
        print(
          [
            `Checked ${count(report.documents, 'document')}, ${count(report.highlights, 'highlight')}, ${count(report.cards, 'card')} and ${count(report.reviews, 'review')}.`,
            ...report.notices.map((line) => `- ${line}`),
            ...report.repaired.map((line) => `Repaired: ${line}`),
            ...(report.orphans > 0
              ? [
                  `${count(report.orphans, 'highlight')} ${report.orphans === 1 ? 'waits' : 'wait'} to be re-attached in the reader.`,
                ]
              : []),
            ...report.problems.map((line) => `- ${line}`),
            ...(isClean ? [`No problems found in ${dataDir}.`] : []),
          ].join('\n'),
          null,
        )
      return isClean ? 0 : 1
    }
    case 'export':
      return exportData(services, parsed, print, io.err)
    case 'backup': {
      // Checked before the archive is made: a refused --out costs nothing.
      const refused = await outProblem(parsed.out!, parsed.force)
      const bytes = refused ? null : await createBackupArchive(dataDir, services.now())
      const problem = refused ?? (await writeOut(parsed.out!, bytes!, parsed.force))
      if (problem || !bytes) {
        io.err(`lectern: ${problem}\n`)
        return 1
      }
      print(`Backed up ${dataDir} to ${parsed.out} (${bytes.length} bytes).`, {
        ok: true,
        file: parsed.out,
        bytes: bytes.length,
      })
      return 0
    }
    case 'help':
    case 'usage':
    case 'restore':
      return 2 // handled before the store opens
  }
}

async function exportData(
  services: Services,
  { format, documentId, out, force }: CliCommand,
  print: (human: string, json: unknown) => void,
  err: (text: string) => void,
): Promise<number> {
  const files = await services.exports.export(format!, documentId ?? undefined)
  if (!files.ok) {
    err(`lectern: ${files.error.message}\n`)
    return 1
  }
  let exported = files.value
  let skipped: string[] = []
  if (format === 'md') {
    // A notebook of a document without highlights is an empty page: it is not written.
    const bare = await documentsWithoutHighlights(services, documentId)
    const bareNames = new Set(bare.map(notebookFileName))
    skipped = bare.map((meta) => meta.title)
    exported = exported.filter((file) => !bareNames.has(file.name))
  }
  // One notebook asked for by a file name ending in .md is written to that file; otherwise
  // notebooks go into the folder `out`; every other format is one file at `out`.
  const isNotebookFile = format === 'md' && documentId !== null && /\.md$/i.test(out!)
  if (format === 'md' && !isNotebookFile) {
    const problem = await folderProblem(out!)
    if (problem) {
      err(`lectern: ${problem}\n`)
      return 1
    }
  }
  const targets = exported.map((file) => ({
    path: format === 'md' && !isNotebookFile ? join(out!, file.name) : out!,
    bytes: file.bytes,
  }))
  // Every target is checked before the first is written: a refusal leaves nothing half done.
  for (const target of targets) {
    const problem = await outProblem(target.path, force)
    if (problem) {
      err(`lectern: ${problem}\n`)
      return 1
    }
  }
  for (const target of targets) {
    const problem = await writeOut(target.path, target.bytes, force)
    if (problem) {
      err(`lectern: ${problem}\n`)
      return 1
    }
  }
  const lines = [
    ...targets.map((target) => `Wrote ${target.path}`),
    ...(skipped.length === 0
      ? []
      : documentId
        ? [`“${skipped[0]}” has no highlights yet, so there is no notebook to write.`]
        : [`Left out ${count(skipped.length, 'document')} without highlights.`]),
  ]
  print(lines.join('\n'), {
    ok: true,
    format,
    files: targets.map((target) => target.path),
    ...(format === 'md' ? { withoutHighlights: skipped } : {}),
  })
  return 0
}

/** The documents (all, or the one named) that have no highlight. */
async function documentsWithoutHighlights(services: Services, documentId: string | null) {
  const bare = []
  for (const meta of services.library.list()) {
    if (documentId && meta.id !== documentId) continue
    const annotations = await services.annotations.load(meta.id)
    if (annotations.ok && annotations.value.highlights.length === 0) bare.push(meta)
  }
  return bare
}

/** "1 card", "2 cards". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

async function restore(
  archive: string,
  dataDir: string,
  print: (human: string, json: unknown) => void,
  err: (text: string) => void,
): Promise<number> {
  // Bounded like an import: a pipe or a device is refused, not read without end.
  const read = await readImportFile(archive, maxArchiveBytes)
  if (!read.ok) {
    err(`lectern: ${read.error.message}\n`)
    return 1
  }
  const problem = await restoreBackupArchive(read.value, dataDir)
  if (problem) {
    err(`lectern: ${problem}\n`)
    return 1
  }
  print(`Restored ${basename(archive)} into ${dataDir}.`, { ok: true, dataDir })
  return 0
}

async function importFiles(
  services: Services,
  files: readonly string[],
  print: (human: string, json: unknown) => void,
): Promise<number> {
  let failed = 0
  for (const file of files) {
    // Bounded before it is read: a pipe, a device or a huge file is refused with a sentence.
    const read = await readImportFile(file)
    if (!read.ok) {
      failed++
      print(`${file}: ${read.error.message}`, { file, ok: false, error: read.error })
      continue
    }
    const result = await services.library.importFile(read.value, { fileName: file })
    if (result.ok) {
      const { document, isNewRevision } = result.value
      print(
        `${file}: ${isNewRevision ? 'updated' : 'imported'} “${document.title}” (${document.id})`,
        { file, ok: true, documentId: document.id, title: document.title },
      )
    } else {
      failed++
      print(`${file}: ${result.error.message}`, { file, ok: false, error: result.error })
    }
  }
  return failed === 0 ? 0 : 1
}

async function showDocument(
  services: Services,
  reference: string,
  print: (human: string, json: unknown) => void,
  err: (text: string) => void,
): Promise<number> {
  const documents = services.library.list()
  const matches = documents.filter(
    (doc) => doc.id === reference || doc.title.toLowerCase().startsWith(reference.toLowerCase()),
  )
  const exact = documents.find((doc) => doc.id === reference)
  const target = exact ?? (matches.length === 1 ? matches[0] : undefined)
  if (!target) {
    err(
      `lectern: ${matches.length > 1 ? `“${reference}” matches ${matches.length} documents; use an id.` : `No document “${reference}”.`}\n`,
    )
    return 1
  }
  const opened = await services.library.open(target.id)
  if (!opened.ok) {
    err(`lectern: ${opened.error.message}\n`)
    return 1
  }
  print(opened.value.content.text, {
    documentId: target.id,
    title: target.title,
    ...opened.value.content,
  })
  return 0
}
