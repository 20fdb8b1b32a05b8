/**
 * The formats Lectern imports, each with the file-name extensions that mean it and the name a
 * reader knows it by. The one list: the importer's dispatch, the open dialog's filter, the
 * library's stored format and the "Lectern imports …" sentence are all derived from it.
 */
export const importFormats = {
  text: { name: 'plain text', extensions: ['txt', 'text'] },
  markdown: { name: 'Markdown', extensions: ['md', 'markdown', 'mdown'] },
  // An EPUB's chapters are XHTML; a chapter saved on its own is a web page like any other.
  html: { name: 'web pages', extensions: ['html', 'htm', 'xhtml'] },
  epub: { name: 'EPUB books', extensions: ['epub'] },
} as const satisfies Record<string, { name: string; extensions: readonly string[] }>

/** A format Lectern imports. */
export type ImportFormat = keyof typeof importFormats

/** The formats in the order they are offered and named. */
export const importFormatNames = Object.keys(importFormats) as [ImportFormat, ...ImportFormat[]]

/** Every extension Lectern imports, without the dot ("txt", "md", …). */
export const importableExtensions: readonly string[] = importFormatNames.flatMap(
  (format) => importFormats[format].extensions,
)

/** The format an extension (without the dot, any case) means, or null. */
export function formatOfExtension(extension: string): ImportFormat | null {
  const wanted = extension.toLowerCase()
  return (
    importFormatNames.find((format) =>
      (importFormats[format].extensions as readonly string[]).includes(wanted),
    ) ?? null
  )
}

/** "plain text (.txt), Markdown (.md), web pages (.html) and EPUB books (.epub)". */
export function describeImportFormats(): string {
  const named = importFormatNames.map(
    (format) => `${importFormats[format].name} (.${importFormats[format].extensions[0]})`,
  )
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named.join('')
}
