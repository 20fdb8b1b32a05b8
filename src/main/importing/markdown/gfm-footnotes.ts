/** A GitHub footnote's definition: `[^label]: words`, with its indented continuation lines. */
export interface FootnoteDefinition {
  /** The label as written, compared without case as GitHub does. */
  readonly label: string
  /** The definition's Markdown, continuation lines unindented. */
  readonly source: string
}

const definitionLine = /^ {0,3}\[\^([^\]\s]{1,100})\]:[ \t]?(.*)$/
const fenceLine = /^ {0,3}(`{3,}|~{3,})/

/**
 * Takes GitHub footnote definitions out of a Markdown source (marked has no footnotes): the
 * source without them, and the definitions in the order written. Fenced code is left alone, so
 * a `[^1]:` line inside a code sample stays code.
 */
export function takeFootnoteDefinitions(source: string): {
  body: string
  definitions: FootnoteDefinition[]
} {
  if (!source.includes('[^')) return { body: source, definitions: [] }
  const lines = source.split('\n')
  const kept: string[] = []
  const definitions: FootnoteDefinition[] = []
  let fence: string | null = null
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    const fenceMatch = fenceLine.exec(line)
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null
      kept.push(line)
      continue
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!
      kept.push(line)
      continue
    }
    const definition = definitionLine.exec(line)
    if (!definition) {
      kept.push(line)
      continue
    }
    const body = [definition[2]!]
    // Continuation: indented lines, and blank lines followed by an indented one.
    while (index + 1 < lines.length) {
      const next = lines[index + 1]!
      if (/^(?: {2,}|\t)\S/.test(next)) body.push(next.replace(/^(?: {1,4}|\t)/, ''))
      else if (next.trim() === '' && /^(?: {2,}|\t)\S/.test(lines[index + 2] ?? '')) body.push('')
      else break
      index++
    }
    definitions.push({ label: definition[1]!, source: body.join('\n') })
    kept.push('')
  }
  return { body: kept.join('\n'), definitions }
}

/** `[^label]` in a line of text. */
export const footnoteReference = /\[\^([^\]\s]{1,100})\]/g
