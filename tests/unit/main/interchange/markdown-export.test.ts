import { describe, expect, it } from 'vitest'
import { strFromU8 } from 'fflate'
import { blockId } from '../../../../src/shared/export/markdown-notebook'
import { annotateArticle, articleId } from '../../../support/annotated-library'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

describe('Markdown notebooks', () => {
  const makeDir = tempDirs()

  it('has front matter, each highlight as a quote with label, note, tags, block id and link', async () => {
    const services = await servicesOn(await makeDir())
    const { highlights } = await annotateArticle(services)
    const files = await services.exports.export('md', articleId)
    if (!files.ok) throw new Error(files.error.message)
    expect(files.value).toHaveLength(1)
    const [file] = files.value
    expect(file!.name).toBe(
      'Europol warns industry and governments about end-to-end encryption (europol-warns-about-e2ee).md',
    )
    const markdown = strFromU8(file!.bytes)
    expect(markdown).toMatch(
      /^---\ntitle: "Europol warns industry and governments about end-to-end encryption"\nsource: "heise online"\n/,
    )
    expect(markdown).toContain('language: "en"')
    expect(markdown).toContain('translated_from: "de" # machine translation')
    expect(markdown).toContain('lectern: "lectern://open/europol-warns-about-e2ee"')
    expect(markdown).toContain('highlights: 3\n---\n')
    expect(markdown).toContain(
      `> Europol\n>\n> — *Key position* · [open in Lectern](lectern://open/${articleId}/${highlights[0]!.id}) ^${blockId(highlights[0]!)}`,
    )
    expect(markdown).toContain('The **police** agency — see [the source](https://www.heise.de).')
    expect(markdown).toContain('#police #eu-agencies')
    expect(markdown).toContain('— *Evidence*')
    // In reading order: the title's "Europol" comes before "governments" in the title.
    expect(markdown.indexOf('> Europol')).toBeLessThan(markdown.indexOf('> governments'))
  })

  it('writes the same bytes when nothing changed, and one notebook per document for the library', async () => {
    const services = await servicesOn(await makeDir())
    await annotateArticle(services)
    await services.library.importFile(new TextEncoder().encode('# Second\n\nAnother text.'), {
      fileName: 'second.md',
    })
    const once = await services.exports.export('md')
    await services.library.saveReadingPosition(articleId, {
      segmentIndex: 2,
      segmentFraction: 0,
      progress: 0.3,
    })
    const twice = await services.exports.export('md')
    if (!once.ok || !twice.ok) throw new Error('export failed')
    expect(once.value.map((f) => f.name)).toHaveLength(2)
    expect(twice.value).toEqual(once.value)
  })
})
