import { parseArgs as parseCommandLine } from 'node:util'
import { describeImportFormats } from '../../shared/importing/import-formats'
import { exportFormats, type ExportFormat } from '../../shared/model'

/** A command line, understood. */
export interface CliCommand {
  /** `usage`: no command was given (usage is printed as an error). */
  readonly command:
    'import' | 'list' | 'show' | 'check' | 'export' | 'backup' | 'restore' | 'help' | 'usage'
  /** Files to import, the document to show, or the archive to restore. */
  readonly operands: readonly string[]
  readonly dataDir: string | null
  readonly isJson: boolean
  /** `export --format`. */
  readonly format: ExportFormat | null
  /** `export --document`: one document instead of the whole library. */
  readonly documentId: string | null
  /** `export` and `backup --out`: where to write. */
  readonly out: string | null
  /** `--force`: `--out` may replace an existing file. */
  readonly force: boolean
}

const commands = new Set(['import', 'list', 'show', 'check', 'export', 'backup', 'restore', 'help'])
const options = {
  'data-dir': { type: 'string' },
  format: { type: 'string' },
  document: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const
type ValueOption = 'data-dir' | 'format' | 'document' | 'out'

/** Parses `lectern <command> [operands…] [--option value…] [--json]`; a string is an error. */
export function parseArgs(argv: readonly string[]): CliCommand | string {
  let parsed
  try {
    parsed = parseCommandLine({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (error) {
    return optionProblem(error)
  }
  const { values, positionals } = parsed
  for (const name of ['data-dir', 'format', 'document', 'out'] as const)
    if (values[name] === '') return needsValue(name)
  const [command = 'usage', ...operands] = values.help ? ['help'] : positionals
  if (command !== 'usage' && !commands.has(command))
    return `Unknown command “${command}”. Try: lectern help`
  const problem = problemWith(command, operands, values)
  if (problem) return problem
  return {
    command: command as CliCommand['command'],
    operands,
    dataDir: values['data-dir'] ?? null,
    isJson: values.json ?? false,
    format: (values.format as ExportFormat | undefined) ?? null,
    documentId: values.document ?? null,
    out: values.out ?? null,
    force: values.force ?? false,
  }
}

/** `node:util`'s parse errors, as lectern's sentences (its own name their code, not the fix). */
function optionProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string }
  const option = /'(-{1,2}[^' ]+)/.exec(message ?? '')?.[1] ?? 'an option'
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `Unknown option ${option}.`
  const name = option.replace(/^-+/, '')
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name in options) {
    if (options[name as keyof typeof options].type === 'boolean') return `${option} takes no value.`
    return needsValue(name as ValueOption)
  }
  return `The command line could not be read (${option}).`
}

function needsValue(name: ValueOption): string {
  return `--${name} needs ${name === 'data-dir' ? 'a folder' : 'a value'}.`
}

function problemWith(
  command: string,
  operands: readonly string[],
  values: Partial<Record<ValueOption, string>>,
): string | null {
  if (command === 'import' && operands.length === 0)
    return 'lectern import needs at least one file.'
  if (command === 'show' && operands.length !== 1)
    return 'lectern show needs one document (its id or title).'
  if (command === 'restore' && operands.length !== 1)
    return 'lectern restore needs one backup archive.'
  if (command === 'backup' && !values.out) return 'lectern backup needs --out FILE.'
  if (command === 'export') {
    if (!values.format) return `lectern export needs --format ${exportFormats.join('|')}.`
    if (!(exportFormats as readonly string[]).includes(values.format))
      return `“${values.format}” is not a format lectern can export; the formats are ${exportFormats.slice(0, -1).join(', ')} and ${exportFormats.at(-1)}.`
    if (!values.out) return 'lectern export needs --out PATH.'
  }
  return null
}

/** A command's description in the usage, wrapped into the column after the command's. */
function describeCommand(text: string): string {
  const lines: string[] = []
  for (const word of text.split(' ')) {
    const last = lines.at(-1)
    // The usage keeps within 92 columns: 22 for the commands, 70 for what they do.
    if (last !== undefined && last.length + 1 + word.length <= 70)
      lines[lines.length - 1] += ` ${word}`
    else lines.push(word)
  }
  return lines.join(`\n${' '.repeat(22)}`)
}

/** What `lectern help` prints. */
export const usage = `Usage: lectern <command> [options]

Commands:
  import <files…>     ${describeCommand(`import ${describeImportFormats()}`)}
  list                list the documents in the library
  show <document>     print a document's text (by id, or by the start of its title)
  check               check every data file and reference, and report problems
  export --format md|w3c|anki-txt|apkg --out PATH [--document ID]
                      export highlights and notes (md: one notebook per document that has
                      highlights, into the folder PATH, or into the file PATH when it ends
                      in .md and --document is given; w3c: W3C Web Annotations) or cards
                      (Anki text or .apkg)
  backup --out FILE   write a backup archive (.zip) of the whole library
  restore FILE        restore a backup archive into an empty or new data folder (name it
                      with --data-dir unless the app's library folder is empty)

Options:
  --data-dir DIR      the data folder (default: the app's, or LECTERN_DATA_DIR)
  --json              print JSON instead of text
  --force             let --out replace an existing file (never a link, a device, a pipe
                      or a folder: those are refused)

Set LECTERN_DEBUG=1 to see the details of an unexpected error.
`
