import { describe, expect, it } from 'vitest'
import { usage } from '../../../../src/main/cli/parse-args'
import { formatOf } from '../../../../src/main/importing/import-format'
import { documentMetaSchema } from '../../../../src/main/store/schema'
import {
  describeImportFormats,
  formatOfExtension,
  importableExtensions,
  importFormatNames,
  importFormats,
} from '../../../../src/shared/importing/import-formats'

describe('import formats', () => {
  it('knows each extension as its format, in any case', () => {
    expect(
      ['txt', 'TEXT', 'md', 'Markdown', 'mdown', 'html', 'HTM', 'xhtml', 'epub'].map(
        formatOfExtension,
      ),
    ).toEqual(['text', 'text', 'markdown', 'markdown', 'markdown', 'html', 'html', 'html', 'epub'])
    expect(formatOfExtension('pdf')).toBeNull()
    expect(formatOfExtension('')).toBeNull()
  })

  it('offers in the open dialog every extension the importer reads, xhtml too', () => {
    expect(importableExtensions).toEqual([
      'txt',
      'text',
      'md',
      'markdown',
      'mdown',
      'html',
      'htm',
      'xhtml',
      'epub',
    ])
    for (const extension of importableExtensions) {
      expect(formatOf(`a.${extension}`).ok).toBe(true)
    }
  })

  it('names the formats in the sentence a refused file gets', () => {
    expect(describeImportFormats()).toBe(
      'plain text (.txt), Markdown (.md), web pages (.html) and EPUB books (.epub)',
    )
    const refused = formatOf('scan.pdf')
    expect(refused.ok ? null : refused.error.message).toBe(
      '“scan.pdf” is a PDF. Lectern imports plain text (.txt), Markdown (.md), web pages (.html) and EPUB books (.epub) for now.',
    )
  })

  it('are all named in the command line’s usage', () => {
    const importHelp = usage.slice(usage.indexOf('import <files…>'), usage.indexOf('  list'))
    for (const format of importFormatNames)
      expect(importHelp).toContain(`(.${importFormats[format].extensions[0]})`)
  })

  it('are the formats the library file may store', () => {
    expect(documentMetaSchema.shape.format.options).toEqual(importFormatNames)
  })
})
