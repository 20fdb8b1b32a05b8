import { scheduleShardOf } from '../../../../src/main/store/data-store'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createServices } from '../../../../src/main/services/create-services'
import { realFs, type StoreFs } from '../../../../src/main/store/store-fs'
import { resourcesDir } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const documentId = 'europol-warns-about-e2ee'

/** A clock the test moves by hand. */
function handClock(start = '2026-11-28T09:00:00.000Z') {
  let time = Date.parse(start)
  return {
    now: () => new Date(time),
    advanceMinutes: (minutes: number) => (time += minutes * 60_000),
    advanceDays: (days: number) => (time += days * 86_400_000),
  }
}

/**
 * The zones the suite runs in, whatever the machine's: days are counted on the reader's calendar.
 * At the hand clock's start, 09:00 UTC on 28 November, Honolulu (UTC−10) is still on the 27th and
 * Tokyo (UTC+9) is at 18:00 on the 28th.
 */
const zones = [
  { timeZone: 'UTC', today: '2026-11-28', hoursToMidnight: 15 },
  { timeZone: 'Pacific/Honolulu', today: '2026-11-27', hoursToMidnight: 1 },
  { timeZone: 'Asia/Tokyo', today: '2026-11-28', hoursToMidnight: 6 },
] as const

describe.each(zones)('cards and reviews in $timeZone', ({ timeZone, today, hoursToMidnight }) => {
  const makeDir = tempDirs()

  async function setUp(fs?: StoreFs) {
    const dataDir = await makeDir()
    const clock = handClock()
    const services = await createServices({
      dataDir,
      resourcesDir,
      now: clock.now,
      seedStudyMaterial: false,
      timeZone,
      ...(fs ? { fs } : {}),
    })
    return { dataDir, clock, services }
  }

  it('makes a cloze card with one study item per cloze number, due at once', async () => {
    const { services } = await setUp()
    const created = await services.cards.create(documentId, null, {
      kind: 'cloze',
      text: '{{c1::Europol}} warns against {{c2::end-to-end encryption}}.',
      extra: '',
    })
    expect(created.ok).toBe(true)
    const listed = await services.cards.list(documentId)
    expect(listed.ok && listed.value[0]?.items.map((i) => [i.variant, i.state])).toEqual([
      ['c1', 'new'],
      ['c2', 'new'],
    ])
    const queue = await services.reviews.queue()
    expect(queue.counts).toEqual({ new: 2, learning: 0, review: 0 })
    expect(queue.items[0]?.outcomes.map((o) => o.grade)).toEqual(['again', 'hard', 'good', 'easy'])
  })

  it('refuses a card without a question, an answer or a deletion', async () => {
    const { services } = await setUp()
    expect(
      await services.cards.create(documentId, null, {
        kind: 'basic',
        front: ' ',
        back: 'x',
        isReversible: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-card' } })
    expect(
      await services.cards.create(documentId, null, {
        kind: 'cloze',
        text: 'no deletion',
        extra: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-card' } })
  })

  it('grades, logs the review apart from the card, undoes, and brings the card back days later', async () => {
    const { services, clock, dataDir } = await setUp()
    const created = await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'Who warns?',
      back: 'Europol',
      isReversible: false,
    })
    if (!created.ok) throw new Error('created')
    const graded = await services.reviews.grade(documentId, created.value.id, 'forward', 'easy')
    expect(graded.ok).toBe(true)
    if (!graded.ok) return
    const log = JSON.parse(await readFile(join(dataDir, 'reviews', '2026-11-28.json'), 'utf8'))
    expect(log.entries).toMatchObject([
      { grade: 'easy', kind: 'review', before: { state: 'new' }, after: { state: 'review' } },
    ])
    expect((await services.reviews.queue()).items).toEqual([])

    expect(await services.reviews.undo(graded.value.reviewId, graded.value.reviewedAt)).toEqual({
      ok: true,
      value: null,
    })
    expect((await services.reviews.queue()).counts.new).toBe(1)
    const regraded = await services.reviews.grade(documentId, created.value.id, 'forward', 'good')
    expect(regraded.ok).toBe(true)
    expect((await services.reviews.queue()).counts).toEqual({ new: 0, learning: 0, review: 0 })
    clock.advanceMinutes(11)
    expect((await services.reviews.queue()).counts.learning).toBe(1)
    await services.reviews.grade(documentId, created.value.id, 'forward', 'good')
    clock.advanceDays(5)
    expect((await services.reviews.queue()).counts.review).toBe(1)
  })

  it('keeps the schedule when the card is reworded, and resets only on request', async () => {
    const { services } = await setUp()
    const created = await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'Who warns?',
      back: 'Europol',
      isReversible: false,
    })
    if (!created.ok) throw new Error('created')
    await services.reviews.grade(documentId, created.value.id, 'forward', 'easy')
    await services.cards.update(documentId, created.value.id, {
      kind: 'basic',
      front: 'Who issued the warning?',
      back: 'Europol',
      isReversible: false,
    })
    let listed = await services.cards.list(documentId)
    expect(listed.ok && listed.value[0]?.items[0]?.state).toBe('review')
    await services.cards.reset(documentId, created.value.id)
    listed = await services.cards.list(documentId)
    expect(listed.ok && listed.value[0]?.items[0]?.state).toBe('new')
  })

  it('suspends and buries', async () => {
    const { services, clock } = await setUp()
    const a = await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'a?',
      back: 'a',
      isReversible: false,
    })
    const b = await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'b?',
      back: 'b',
      isReversible: false,
    })
    if (!a.ok || !b.ok) throw new Error('created')
    await services.cards.setSuspended(documentId, a.value.id, 'forward', true)
    await services.cards.bury(documentId, b.value.id, 'forward', '2026-11-29T00:00:00.000Z')
    expect((await services.reviews.queue()).items).toEqual([])
    clock.advanceDays(1)
    expect((await services.reviews.queue()).items.map((i) => i.card.id)).toEqual([b.value.id])
  })

  it('writes a grade’s log entry and schedule together: a crash between them is completed at the next start', async () => {
    // The process dies right after the log entry is durable: no later write reaches the disk.
    let isArmed = false
    let hasCrashed = false
    const crashBetweenWrites: StoreFs = {
      ...realFs,
      rename: async (from, to) => {
        if (hasCrashed || (isArmed && String(to).includes('/schedules/'))) {
          hasCrashed = true
          throw Object.assign(new Error('process killed'), { code: 'EIO' })
        }
        return realFs.rename(from, to)
      },
    }
    const { services, dataDir } = await setUp(crashBetweenWrites)
    const created = await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'Who warns?',
      back: 'Europol',
      isReversible: false,
    })
    if (!created.ok) throw new Error('created')
    isArmed = true
    expect((await services.reviews.grade(documentId, created.value.id, 'forward', 'easy')).ok).toBe(
      false,
    )

    const restarted = await createServices({
      dataDir,
      resourcesDir,
      now: () => new Date('2026-11-28T10:00:00.000Z'),
      seedStudyMaterial: false,
      timeZone,
    })
    const listed = await restarted.cards.list(documentId)
    const log = JSON.parse(await readFile(join(dataDir, 'reviews', '2026-11-28.json'), 'utf8'))
    expect(log.entries).toHaveLength(1)
    expect((await restarted.reviews.queue()).counts.new).toBe(0)
    const shard = JSON.parse(
      await readFile(
        join(
          dataDir,
          'documents',
          documentId,
          'schedules',
          `${scheduleShardOf(created.value.id)}.json`,
        ),
        'utf8',
      ),
    )
    expect(shard.schedules[`${created.value.id}:forward`]).toMatchObject({
      state: 'review',
      lastReviewId: log.entries[0].id,
    })
    expect(listed.ok).toBe(true)
  })

  it('reports progress: forecast, heatmap, true retention and items remembered well', async () => {
    const { services, clock } = await setUp()
    const created = await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'Who warns?',
      back: 'Europol',
      isReversible: false,
    })
    if (!created.ok) throw new Error('created')
    await services.reviews.grade(documentId, created.value.id, 'forward', 'easy')
    const stats = await services.reviews.stats()
    expect(stats.totalReviews).toBe(1)
    expect(stats.heatmap.at(-1)).toEqual({ date: today, count: 1 })
    expect(stats.forecast[0]?.date).toBe(today)
    expect(stats.forecast).toHaveLength(30)
    expect(stats.forecast.reduce((sum, day) => sum + day.count, 0)).toBe(1)
    expect(stats.documents.find((d) => d.documentId === documentId)).toMatchObject({
      items: 1,
      rememberedWell: 1,
    })
    clock.advanceDays(60)
    const later = await services.reviews.stats()
    expect(later.documents.find((d) => d.documentId === documentId)).toMatchObject({
      items: 1,
      rememberedWell: 0,
    })
  })

  it('starts a new day of new cards at the reader’s midnight, not UTC’s', async () => {
    const { services, clock } = await setUp()
    await services.settings.update({ newCardsPerDay: 1 })
    for (const front of ['a?', 'b?'])
      await services.cards.create(documentId, null, {
        kind: 'basic',
        front,
        back: 'x',
        isReversible: false,
      })
    const first = (await services.reviews.queue()).items[0]
    if (!first) throw new Error('a new card is due')
    await services.reviews.grade(documentId, first.card.id, 'forward', 'easy')
    expect((await services.reviews.queue()).counts.new).toBe(0)

    clock.advanceMinutes(hoursToMidnight * 60 - 1)
    expect((await services.reviews.queue()).counts.new).toBe(0)
    clock.advanceMinutes(2)
    expect((await services.reviews.queue()).counts.new).toBe(1)
  })
})
