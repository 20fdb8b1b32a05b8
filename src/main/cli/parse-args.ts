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
const valueOptions = ['data-dir', 'format', 'document', 'out'] as const
type ValueOption = (typeof valueOptions)[number]

/** Parses `lectern <command> [operands…] [--option value…] [--json]`; a string is an error. */
export function parseArgs(argv: readonly string[]): CliCommand | string {
  const values: Partial<Record<ValueOption, string>> = {}
  let isJson = false
  let force = false
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [name, inline] = arg.startsWith('--') ? splitOption(arg.slice(2)) : [null, null]
    if (arg === '--json') isJson = true
    else if (arg === '--force') force = true
    else if (arg === '--help' || arg === '-h') words.unshift('help')
    else if (name !== null && (valueOptions as readonly string[]).includes(name)) {
      const value = inline ?? argv[++i]
      if (!value) return `--${name} needs ${name === 'data-dir' ? 'a folder' : 'a value'}.`
      values[name as ValueOption] = value
    } else if (arg.startsWith('--')) return `Unknown option ${arg}.`
    else words.push(arg)
  }
  const [command = 'usage', ...operands] = words
  if (command !== 'usage' && !commands.has(command))
    return `Unknown command “${command}”. Try: lectern help`
  const problem = problemWith(command, operands, values)
  if (problem) return problem
  return {
    command: command as CliCommand['command'],
    operands,
    dataDir: values['data-dir'] ?? null,
    isJson,
    format: (values.format as ExportFormat | undefined) ?? null,
    documentId: values.document ?? null,
    out: values.out ?? null,
    force,
  }
}

function splitOption(text: string): [string, string | null] {
  const equals = text.indexOf('=')
  return equals < 0 ? [text, null] : [text.slice(0, equals), text.slice(equals + 1)]
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

/** What `lectern help` prints. */
export const usage = `Usage: lectern <command> [options]

Commands:
  import <files…>     import text (.txt), Markdown (.md), web pages (.html) and EPUB books
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
