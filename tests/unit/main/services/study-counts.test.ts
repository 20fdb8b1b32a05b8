import { describe, expect, it } from 'vitest'
import { countStudy } from '../../../../src/shared/domain/cards/study-counts'
import { createServices } from '../../../../src/main/services/create-services'
import { resourcesDir } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const documentId = 'europol-warns-about-e2ee'
const now = new Date('2026-11-28T09:00:00.000Z')

describe('the cards and study counts the reader sees', () => {
  const makeDir = tempDirs()

  it('are the same in the Cards tab, the library and Review, with cards and items apart', async () => {
    const services = await createServices({
      dataDir: await makeDir(),
      resourcesDir,
      now: () => now,
      seedStudyMaterial: false,
    })
    await services.cards.create(documentId, null, {
      kind: 'cloze',
      text: '{{c1::Europol}} warns against {{c2::end-to-end encryption}}.',
      extra: '',
    })
    await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'Who warns?',
      back: 'Europol',
      isReversible: true,
    })
    await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'What is warned against?',
      back: 'End-to-end encryption',
      isReversible: false,
    })

    const listed = await services.cards.list(documentId)
    if (!listed.ok) throw new Error(listed.error.message)
    const cardsTab = countStudy(listed.value, now.toISOString())
    const library = (await services.reviews.studyCounts()).get(documentId)
    const review = (await services.reviews.queue()).totals

    expect(cardsTab).toEqual({ cards: 3, toStudy: 5 })
    expect(library).toEqual(cardsTab)
    expect(review).toEqual(cardsTab)
  })
})
