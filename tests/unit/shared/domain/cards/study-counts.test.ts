import { describe, expect, it } from 'vitest'
import {
  countStudy,
  describeStudyCounts,
  isToStudyNow,
  type StudyTiming,
} from '../../../../../src/shared/domain/cards/study-counts'

const now = '2026-11-28T09:00:00.000Z'
const fresh: StudyTiming = { state: 'new', due: now, isSuspended: false, buriedUntil: null }

describe('counting cards and study items', () => {
  it('counts a reversible card or a two-deletion cloze as one card and two items', () => {
    const reversible = { items: [fresh, fresh] }
    const cloze = { items: [fresh, fresh] }
    const basic = { items: [fresh] }
    expect(countStudy([reversible, cloze, basic], now)).toEqual({ cards: 3, toStudy: 5 })
  })

  it('leaves suspended, buried and not-yet-due items out of what is to study, not out of the cards', () => {
    const later = { ...fresh, state: 'review' as const, due: '2026-11-30T09:00:00.000Z' }
    const dueNow = { ...later, due: '2026-11-28T08:00:00.000Z' }
    const suspended = { ...fresh, isSuspended: true }
    const buried = { ...fresh, buriedUntil: '2026-11-29T04:00:00.000Z' }
    const buriedYesterday = { ...fresh, buriedUntil: '2026-11-28T04:00:00.000Z' }
    expect(isToStudyNow(later, now)).toBe(false)
    expect(isToStudyNow(dueNow, now)).toBe(true)
    expect(isToStudyNow(buriedYesterday, now)).toBe(true)
    expect(
      countStudy([{ items: [later, dueNow] }, { items: [suspended] }, { items: [buried] }], now),
    ).toEqual({ cards: 3, toStudy: 1 })
  })

  it('says both numbers in one wording', () => {
    expect(describeStudyCounts({ cards: 14, toStudy: 18 })).toBe('14 cards · 18 to study')
    expect(describeStudyCounts({ cards: 1, toStudy: 0 })).toBe('1 card · 0 to study')
  })
})
