/**
 * Deepest nesting of quotes and lists a Markdown file keeps. The Markdown lexer reads each level
 * by calling itself, so 2,500 nested `>` overflow the stack; real notes nest a handful of levels.
 */
export const maxMarkdownDepth = 32

/**
 * Flattens quote and list nesting beyond `maxDepth` levels: the markers past that depth at the
 * start of a line (`>`, `-`, `*`, `+`, `1.`) and indentation past what that depth needs are
 * dropped, the line's words kept. Lines within the limits are returned as they are.
 */
export function flattenDeepMarkdown(source: string, maxDepth = maxMarkdownDepth): string {
  const maxIndent = 2 * maxDepth + 4
  let isChanged = false
  const lines = source.split('\n').map((line) => {
    const flattened = flattenLine(line, maxDepth, maxIndent)
    if (flattened !== line) isChanged = true
    return flattened
  })
  return isChanged ? lines.join('\n') : source
}

function flattenLine(line: string, maxDepth: number, maxIndent: number): string {
  let at = 0
  let markers = 0
  let keptUpTo = -1
  for (;;) {
    while (line[at] === ' ' || line[at] === '\t') at++
    const marker = markerLengthAt(line, at)
    if (marker === 0) break
    markers++
    at += marker
    if (markers === maxDepth) keptUpTo = at
  }
  let flattened = line
  if (markers > maxDepth && keptUpTo !== -1) {
    flattened = `${line.slice(0, keptUpTo).trimEnd()} ${line.slice(at)}`
  }
  const indent = /^[ \t]*/.exec(flattened)![0]
  const columns = [...indent].reduce((sum, c) => sum + (c === '\t' ? 4 : 1), 0)
  return columns > maxIndent
    ? `${' '.repeat(maxIndent)}${flattened.slice(indent.length)}`
    : flattened
}

/** Length of a quote or list marker at `at` (with the space after a list marker), or 0. */
function markerLengthAt(line: string, at: number): number {
  const char = line[at]
  if (char === '>') return 1
  const isSpaceAfter = (index: number) => line[index] === ' ' || line[index] === '\t'
  if ((char === '-' || char === '*' || char === '+') && isSpaceAfter(at + 1)) return 2
  let digits = 0
  while (digits < 9 && /[0-9]/.test(line[at + digits] ?? '')) digits++
  const after = line[at + digits]
  if (digits > 0 && (after === '.' || after === ')') && isSpaceAfter(at + digits + 1))
    return digits + 2
  return 0
}
