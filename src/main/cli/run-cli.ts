import { mkdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { createBackupArchive } from '../backup/backup-archive'
import { restoreBackupArchive } from '../backup/restore-archive'
import { writeFileDurably } from '../store/durable-json-adapter'
import { realFs } from '../store/store-fs'
import { createServices, type Services } from '../services/create-services'
import { readImportFile } from '../importing/read-import-file'
import { checkLibrary } from '../services/library-check'
import type { ExportFormat } from '../../shared/model'
import { parseArgs, usage, type CliCommand } from './parse-args'

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

/** Runs one command; resolves to the exit code (0 ok, 1 something failed, 2 bad usage). */
export async function runCli(argv: readonly string[], io: CliEnvironment): Promise<number> {
  const parsed = parseArgs(argv)
  if (typeof parsed === 'string') {
    io.err(`lectern: ${parsed}\n`)
    return 2
  }
  if (parsed.command === 'help') {
    io.out(usage)
    return 0
  }
  const dataDir = parsed.dataDir ?? io.env['LECTERN_DATA_DIR'] ?? io.defaultDataDir
  const print = (human: string, json: unknown) =>
    io.out(parsed.isJson ? `${JSON.stringify(json)}\n` : `${human}\n`)
  // Restore comes before opening the store: opening would create files in the empty folder.
  if (parsed.command === 'restore') return restore(parsed.operands[0]!, dataDir, print, io.err)
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
    await services.store.close()
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
            `${doc.id}  ${doc.title}  (${doc.format}, ${doc.wordCount} words${doc.source ? `, ${doc.source.name}` : ''})`,
            null,
          )
      return 0
    }
    case 'show':
      return showDocument(services, parsed.operands[0]!, print, io.err)
    case 'check': {
      const report = await checkLibrary(services)
      if (parsed.isJson) print('', report)
      else
        print(
          [
            `Checked ${report.documents} documents, ${report.highlights} highlights, ${report.cards} cards and ${report.reviews} reviews.`,
            ...report.notices.map((line) => `Recovered: ${line}`),
            ...report.repaired.map((line) => `Repaired: ${line}`),
            ...(report.orphans > 0
              ? [`${report.orphans} highlights wait to be re-attached in the reader.`]
              : []),
            ...(report.problems.length === 0
              ? [`No problems found in ${dataDir}.`]
              : report.problems.map((line) => `- ${line}`)),
          ].join('\n'),
          null,
        )
      return report.problems.length === 0 ? 0 : 1
    }
    case 'export':
      return exportData(services, parsed.format!, parsed.documentId, parsed.out!, print, io.err)
    case 'backup': {
      const bytes = await createBackupArchive(dataDir, services.now())
      const written = await writeOut(parsed.out!, bytes, io.err)
      if (!written) return 1
      print(`Backed up ${dataDir} to ${parsed.out} (${bytes.length} bytes).`, {
        ok: true,
        file: parsed.out,
        bytes: bytes.length,
      })
      return 0
    }
    case 'help':
    case 'restore':
      return 2 // handled before the store opens
  }
}

async function exportData(
  services: Services,
  format: ExportFormat,
  documentId: string | null,
  out: string,
  print: (human: string, json: unknown) => void,
  err: (text: string) => void,
): Promise<number> {
  const files = await services.exports.export(format, documentId ?? undefined)
  if (!files.ok) {
    err(`lectern: ${files.error.message}\n`)
    return 1
  }
  // Markdown notebooks go into the folder `out`; every other format is one file at `out`.
  const targets = files.value.map((file) => ({
    path: format === 'md' ? join(out, file.name) : out,
    bytes: file.bytes,
  }))
  for (const target of targets) if (!(await writeOut(target.path, target.bytes, err))) return 1
  print(targets.map((target) => `Wrote ${target.path}`).join('\n'), {
    ok: true,
    format,
    files: targets.map((target) => target.path),
  })
  return 0
}

async function restore(
  archive: string,
  dataDir: string,
  print: (human: string, json: unknown) => void,
  err: (text: string) => void,
): Promise<number> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(archive)
  } catch (error) {
    err(
      `lectern: “${basename(archive)}” could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`,
    )
    return 1
  }
  const problem = await restoreBackupArchive(bytes, dataDir)
  if (problem) {
    err(`lectern: ${problem}\n`)
    return 1
  }
  print(`Restored ${basename(archive)} into ${dataDir}.`, { ok: true, dataDir })
  return 0
}

async function writeOut(
  path: string,
  bytes: Uint8Array,
  err: (text: string) => void,
): Promise<boolean> {
  try {
    await mkdir(dirname(path), { recursive: true })
    await writeFileDurably(realFs, path, bytes)
    return true
  } catch (error) {
    err(`lectern: could not write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`)
    return false
  }
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
