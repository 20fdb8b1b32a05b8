import type { Services } from '../../src/main/services/create-services'

export const articleId = 'europol-warns-about-e2ee'

/** Highlights the first occurrence of `quote` in the bundled article, with a note and tags. */
export async function highlightQuote(
  services: Services,
  quote: string,
  extras: { note?: string; tags?: string[]; labelId?: string } = {},
) {
  const opened = await services.library.open(articleId)
  if (!opened.ok) throw new Error(opened.error.message)
  const start = opened.value.content.text.indexOf(quote)
  if (start < 0) throw new Error(`not in the article: ${quote}`)
  const made = await services.annotations.create({
    documentId: articleId,
    start,
    end: start + quote.length,
    labelId: extras.labelId ?? 'key-position',
  })
  if (!made.ok) throw new Error(made.error.message)
  const updated = await services.annotations.update(articleId, made.value.id, {
    note: extras.note ?? '',
    tags: extras.tags ?? [],
  })
  if (!updated.ok) throw new Error(updated.error.message)
  return updated.value
}

/**
 * The bundled article with three highlights (one with a Markdown note and tags, one with an
 * emoji-free note, one bare) and cards of each kind: basic, reversible and a two-number cloze.
 */
export async function annotateArticle(services: Services) {
  const first = await highlightQuote(services, 'Europol', {
    note: 'The **police** agency — see [the source](https://www.heise.de).',
    tags: ['police', 'EU agencies'],
  })
  const second = await highlightQuote(services, 'end-to-end encryption', {
    note: 'Line one\nLine "two"\twith a tab',
    labelId: 'evidence',
  })
  const third = await highlightQuote(services, 'governments')
  const cards = [
    await services.cards.create(articleId, first.id, {
      kind: 'basic',
      front: 'Who warns about E2EE?',
      back: 'Europol <the EU police agency> & partners',
      isReversible: false,
    }),
    await services.cards.create(articleId, second.id, {
      kind: 'basic',
      front: 'E2EE',
      back: 'end-to-end\nencryption',
      isReversible: true,
    }),
    await services.cards.create(articleId, null, {
      kind: 'cloze',
      text: '{{c1::Europol}} warns {{c2::industry::who?}} and governments',
      extra: 'From the heise article',
    }),
  ]
  for (const card of cards) if (!card.ok) throw new Error(card.error.message)
  return { highlights: [first, second, third], cards: cards.map((c) => (c.ok ? c.value : null)!) }
}
