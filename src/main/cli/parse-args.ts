/** A command line, understood. */
export interface CliCommand {
  readonly command: 'import' | 'list' | 'show' | 'check' | 'help'
  /** Files to import, or the document to show. */
  readonly operands: readonly string[]
  readonly dataDir: string | null
  readonly isJson: boolean
}

const commands = new Set(['import', 'list', 'show', 'check', 'help'])

/** Parses `lectern <command> [operands…] [--data-dir DIR] [--json]`; a string is an error. */
export function parseArgs(argv: readonly string[]): CliCommand | string {
  let dataDir: string | null = null
  let isJson = false
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--json') isJson = true
    else if (arg === '--data-dir') {
      const value = argv[++i]
      if (!value) return '--data-dir needs a folder.'
      dataDir = value
    } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length) || null
    else if (arg === '--help' || arg === '-h') words.unshift('help')
    else if (arg.startsWith('--')) return `Unknown option ${arg}.`
    else words.push(arg)
  }
  const [command = 'help', ...operands] = words
  if (!commands.has(command)) return `Unknown command “${command}”. Try: lectern help`
  if (command === 'import' && operands.length === 0)
    return 'lectern import needs at least one file.'
  if (command === 'show' && operands.length !== 1)
    return 'lectern show needs one document (its id or title).'
  return { command: command as CliCommand['command'], operands, dataDir, isJson }
}

/** What `lectern help` prints. */
export const usage = `Usage: lectern <command> [options]

Commands:
  import <files…>     import text (.txt), Markdown (.md), web pages (.html) and EPUB books
  list                list the documents in the library
  show <document>     print a document's text (by id, or by the start of its title)
  check               check every data file and reference, and report problems

Options:
  --data-dir DIR      the data folder (default: the app's, or LECTERN_DATA_DIR)
  --json              print JSON instead of text
`
