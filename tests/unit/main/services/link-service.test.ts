import { describe, expect, it } from 'vitest'
import { annotateArticle, articleId } from '../../../support/annotated-library'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

describe('LinkService', () => {
  const makeDir = tempDirs()

  it('hands out each arriving link once, resolved to its passage', async () => {
    const services = await servicesOn(await makeDir())
    const { highlights } = await annotateArticle(services)
    let told = 0
    services.links.onReceive(() => told++)
    expect(services.links.receive('https://example.org')).toBe(false)
    expect(services.links.receive(`lectern://open/${articleId}/${highlights[0]!.id}`)).toBe(true)
    expect(told).toBe(1)
    expect(await services.links.take()).toEqual([
      {
        link: `lectern://open/${articleId}/${highlights[0]!.id}`,
        documentId: articleId,
        highlightId: highlights[0]!.id,
        problem: null,
      },
    ])
    expect(await services.links.take()).toEqual([])
  })

  it('says clearly when the passage or the document is gone', async () => {
    const services = await servicesOn(await makeDir())
    const { highlights } = await annotateArticle(services)
    await services.annotations.remove(articleId, highlights[1]!.id)
    expect(
      await services.links.resolve(`lectern://open/${articleId}/${highlights[1]!.id}`),
    ).toMatchObject({
      documentId: articleId,
      highlightId: null,
      problem: expect.stringMatching(/highlight this link points to was deleted/),
    })
    expect(await services.links.resolve('lectern://open/no-such-document')).toMatchObject({
      documentId: null,
      problem: expect.stringMatching(/no longer in your library/),
    })
  })
})
