import {
  describeImportFormats,
  formatOfExtension,
  type ImportFormat,
} from '../../shared/importing/import-formats'
import { fail, ok, type Result } from '../../shared/ipc/result'
import { clampParsed } from './clamp-parsed'
import { decodeText, type DecodeFailure } from './decode-text'
import { parseEpub, type EpubFailure } from './epub/parse-epub'
import { parseHtml } from './html/parse-html'
import { parseMarkdown } from './markdown/parse-markdown'
import { parsePlainText, type ParsedText } from './plain-text/parse-plain-text'

export type { ImportFormat }

/** Formats people may try that Lectern does not import yet, named as a reader knows them. */
const notYet: Record<string, string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  odt: 'an OpenDocument text',
  rtf: 'a rich-text document',
}

/** The format of a file by its name, or a failure that says what Lectern can import. */
export function formatOf(fileName: string): Result<ImportFormat, 'unsupported-format'> {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? 'txt'
  const format = formatOfExtension(extension)
  if (format) return ok(format)
  const what = notYet[extension]
  return fail(
    'unsupported-format',
    `“${fileName}” is ${what ?? `a .${extension} file`}. Lectern imports ${describeImportFormats()} for now.`,
  )
}

/** Parses decoded text in a text format (EPUB books are binary: see parseEpub). */
export function parseAs(
  format: Exclude<ImportFormat, 'epub'>,
  text: string,
  fileName: string,
): ParsedText {
  if (format === 'markdown') return parseMarkdown(text, fileName)
  if (format === 'html') return parseHtml(text, fileName)
  return parsePlainText(text, fileName)
}

/** Why a file's bytes could not become a document. */
export type ReadFailure = DecodeFailure | EpubFailure | 'unsupported-format' | 'parse-failed'

/** Reads a file's bytes as a document of the format its name says: decode, then parse. */
export function readDocument(
  bytes: Uint8Array,
  fileName: string,
): Result<{ format: ImportFormat; parsed: ParsedText }, ReadFailure> {
  const format = formatOf(fileName)
  if (!format.ok) return format
  try {
    const parsed = parseFormat(format.value, bytes, fileName)
    // The one door every importer passes: what it made is clamped to what the library stores.
    return parsed.ok
      ? ok({ format: format.value, parsed: clampParsed(parsed.value, fileName) })
      : parsed
  } catch {
    // A parser's own error (a malformed XML chapter, say) is no sentence for a reader.
    return fail(
      'parse-failed',
      `“${fileName}” could not be read: its contents are damaged or not what its name says. Nothing was imported.`,
    )
  }
}

function parseFormat(
  format: ImportFormat,
  bytes: Uint8Array,
  fileName: string,
): Result<ParsedText, ReadFailure> {
  if (format === 'epub') return parseEpub(bytes, fileName)
  const decoded = decodeText(bytes, fileName)
  return decoded.ok ? ok(parseAs(format, decoded.value, fileName)) : decoded
}
