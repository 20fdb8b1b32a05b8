import { describe, expect, it } from 'vitest'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const documentId = 'europol-warns-about-e2ee'

/** For each bundled position, words its evidence must contain: the view it is cited for. */
const viewInEvidence: Record<string, RegExp> = {
  'europol-against-e2ee': /against end-to-end encryption|undermine these capabilities/,
  'europol-security-by-design':
    /security-by-design|support the development of critical innovations such as encryption/,
  'uk-against-e2ee': /UK already warned against end-to-end encryption/,
  'meta-rolls-out-e2ee': /roll out end-to-end encryption|automatic end-to-end encryption/,
  'plattner-more-e2ee': /there must be more secure end-to-end encryption/,
  'wissing-right-to-encryption': /enshrine the right to encryption in law/,
  'meps-against-scanning': /against mass surveillance and the scanning/,
}

describe('bundled study material', () => {
  const makeDir = tempDirs()

  it('maps the six actors with positions backed by anchored highlights, and a starter deck', async () => {
    const services = await servicesOn(await makeDir(), undefined, true)
    const loaded = await services.positions.load(documentId)
    if (!loaded.ok) throw new Error('loads')
    expect(loaded.value.topic).toBe('end-to-end encryption')
    expect(loaded.value.actors.map((a) => a.name)).toEqual([
      'Europol and the European police chiefs',
      'United Kingdom / National Crime Agency',
      'Meta / Mark Zuckerberg',
      'Claudia Plattner',
      'Volker Wissing',
      'Members of the European Parliament',
    ])
    const annotations = await services.annotations.load(documentId)
    if (!annotations.ok) throw new Error('annotations load')
    const highlights = new Map(annotations.value.highlights.map((h) => [h.id, h]))
    expect(annotations.value.highlights.every((h) => h.status === 'anchored')).toBe(true)
    for (const position of loaded.value.positions) {
      const evidence = position.evidence.map(
        (id) => highlights.get(id)?.selectors.quote.exact ?? '',
      )
      expect(
        evidence.every((quote) => quote.length > 0),
        position.id,
      ).toBe(true)
      expect(evidence.join(' '), position.id).toMatch(viewInEvidence[position.id]!)
    }
    const cards = await services.cards.list(documentId)
    expect(cards.ok && cards.value.length).toBeGreaterThanOrEqual(12)
    expect(
      cards.ok &&
        cards.value.every((c) => c.card.highlightId && highlights.has(c.card.highlightId)),
    ).toBe(true)
  })

  it('is set up once: a restart adds nothing, and deleted positions stay deleted', async () => {
    const dataDir = await makeDir()
    const first = await servicesOn(dataDir, undefined, true)
    await first.positions.deletePosition(documentId, 'meps-against-scanning')
    const again = await servicesOn(dataDir, undefined, true)
    const loaded = await again.positions.load(documentId)
    expect(loaded.ok && loaded.value.positions.map((p) => p.id)).not.toContain(
      'meps-against-scanning',
    )
    const annotations = await again.annotations.load(documentId)
    const count = annotations.ok ? annotations.value.highlights.length : 0
    expect(count).toBeGreaterThan(0)
    const third = await servicesOn(dataDir, undefined, true)
    const reloaded = await third.annotations.load(documentId)
    expect(reloaded.ok && reloaded.value.highlights.length).toBe(count)
  })
})

describe('PositionService', () => {
  const makeDir = tempDirs()

  it('turns an accepted suggestion into an actor, a highlight and a position', async () => {
    const services = await servicesOn(await makeDir())
    const suggestions = await services.positions.suggestions(documentId)
    if (!suggestions.ok) throw new Error('suggestions')
    const plattner = suggestions.value.find((s) => s.speaker === 'Claudia Plattner')!
    const accepted = await services.positions.accept(documentId, {
      start: plattner.start,
      end: plattner.end,
      speaker: plattner.speaker,
      role: plattner.role,
      kind: 'person',
      stance: 'for',
      summary: 'Wants more secure end-to-end encryption.',
    })
    expect(accepted).toMatchObject({
      ok: true,
      value: { stance: 'for', actorId: 'claudia-plattner' },
    })
    const after = await services.positions.suggestions(documentId)
    expect(after.ok && after.value.some((s) => s.id === plattner.id)).toBe(false)
    const annotations = await services.annotations.load(documentId)
    expect(annotations.ok && annotations.value.highlights[0]?.selectors.quote.exact).toBe(
      'there must be more secure end-to-end encryption',
    )
  })

  it('forgets a rejected suggestion', async () => {
    const services = await servicesOn(await makeDir())
    const suggestions = await services.positions.suggestions(documentId)
    if (!suggestions.ok) throw new Error('suggestions')
    const first = suggestions.value[0]!
    await services.positions.reject(documentId, first.id)
    const after = await services.positions.suggestions(documentId)
    expect(after.ok && after.value.map((s) => s.id)).not.toContain(first.id)
  })

  it('makes cards for positions, and making them again updates instead of duplicating', async () => {
    const services = await servicesOn(await makeDir(), undefined, true)
    const made = await services.positions.makeCards(documentId)
    expect(made.ok && made.value.cards).toBeGreaterThanOrEqual(14)
    const count = async () => {
      const listed = await services.cards.list(documentId)
      return listed.ok ? listed.value.length : -1
    }
    const before = await count()
    const loaded = await services.positions.load(documentId)
    if (!loaded.ok) throw new Error('loads')
    const position = loaded.value.positions.find((p) => p.id === 'wissing-right-to-encryption')!
    await services.positions.savePosition(documentId, {
      ...position,
      summary: 'Wants a legal right to encryption.',
    })
    await services.positions.makeCards(documentId)
    expect(await count()).toBe(before)
    const listed = await services.cards.list(documentId)
    const updated = listed.ok
      ? listed.value.find(
          (c) =>
            c.card.content.kind === 'basic' &&
            c.card.content.back === 'Wants a legal right to encryption.',
        )
      : undefined
    expect(updated).toBeDefined()
  })
})
