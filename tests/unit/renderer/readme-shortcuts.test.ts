import { describe, expect, it } from 'vitest'
import readme from '../../../README.md?raw'
import { shortcutsMarkdown } from '../../../src/renderer/src/lib/shortcuts'

/** The README's "Keyboard shortcuts" section, from its first table heading to the next section. */
function shortcutsSection(markdown: string): string {
  const start = markdown.indexOf('## Keyboard shortcuts')
  if (start < 0) return ''
  const end = markdown.indexOf('\n## ', start + 1)
  const section = markdown.slice(start, end < 0 ? undefined : end)
  const tables = section.indexOf('\n### ')
  return tables < 0 ? '' : section.slice(tables + 1).trim()
}

/** Table rows as their cells, so the formatter's column padding does not count. */
function normalised(markdown: string): string[] {
  return markdown.split('\n').map((line) =>
    line.startsWith('|')
      ? line
          .split('|')
          .slice(1, -1)
          .map((cell) => (/^\s*-+\s*$/.test(cell) ? '---' : cell.trim()))
          .join(' | ')
      : line.trim(),
  )
}

describe('the README’s keyboard shortcuts', () => {
  it('are the ones in the command registry', () => {
    const expected = shortcutsMarkdown()
    const found = shortcutsSection(readme)
    // On a difference, the message is the section to paste (then run the formatter).
    expect(
      normalised(found),
      `README.md, "## Keyboard shortcuts", after its intro:\n\n${expected}\n`,
    ).toEqual(normalised(expected))
  })
})
