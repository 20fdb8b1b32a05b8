import { fail, ok, type Result } from '../../shared/ipc/result'
import { parseHtml } from './html/parse-html'
import { parseMarkdown } from './markdown/parse-markdown'
import { parsePlainText, type ParsedText } from './plain-text/parse-plain-text'

/** The formats Lectern imports so far. */
export type ImportFormat = 'text' | 'markdown' | 'html'

const formats: Record<string, ImportFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
}

/** Formats people may try that Lectern does not import yet, named as a reader knows them. */
const notYet: Record<string, string> = {
  epub: 'an EPUB book',
  pdf: 'a PDF',
  docx: 'a Word document',
  odt: 'an OpenDocument text',
  rtf: 'a rich-text document',
}

/** The format of a file by its name, or a failure that says what Lectern can import. */
export function formatOf(fileName: string): Result<ImportFormat, 'unsupported-format'> {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? 'txt'
  const format = formats[extension]
  if (format) return ok(format)
  const what = notYet[extension]
  return fail(
    'unsupported-format',
    `“${fileName}” is ${what ?? `a .${extension} file`}. Lectern imports plain text (.txt), Markdown (.md) and web pages (.html) for now.`,
  )
}

/** Parses decoded text in a format. */
export function parseAs(format: ImportFormat, text: string, fileName: string): ParsedText {
  if (format === 'markdown') return parseMarkdown(text, fileName)
  if (format === 'html') return parseHtml(text, fileName)
  return parsePlainText(text, fileName)
}
