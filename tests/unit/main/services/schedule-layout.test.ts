import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkLibrary } from '../../../../src/main/services/library-check'
import { scheduleShardOf } from '../../../../src/main/store/data-store'
import { newItemSchedule } from '../../../../src/main/services/new-item-schedule'
import { Scheduler } from '../../../../src/shared/domain/scheduling'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const documentId = 'europol-warns-about-e2ee'

function legacyCard(id: string) {
  return {
    id,
    documentId,
    highlightId: null,
    content: { kind: 'basic', front: `Q ${id}?`, back: 'A', isReversible: false },
    createdAt: '2026-10-01T09:00:00.000Z',
    updatedAt: '2026-10-01T09:00:00.000Z',
  }
}

describe('schedule shards and the daily review log', () => {
  const makeDir = tempDirs()

  it('moves a schema-1 cards file’s schedules into shards, keeping every review state', async () => {
    const dataDir = await makeDir()
    await servicesOn(dataDir) // the bundled article's folder
    const reviewed = {
      ...Scheduler.newSchedule('2026-10-01T09:00:00.000Z'),
      state: 'review',
      due: '2026-12-24T09:00:00.000Z',
      reps: 3,
      stability: 40,
      isSuspended: true,
      buriedUntil: null,
      lastReviewId: 'r-1',
    }
    const legacy = {
      schemaVersion: 1,
      documentId,
      cards: ['a', 'b', 'c'].map(legacyCard),
      schedules: { 'a:forward': reviewed, 'b:forward': { ...reviewed, reps: 5 } },
    }
    const folder = join(dataDir, 'documents', documentId)
    await writeFile(join(folder, 'cards.json'), JSON.stringify(legacy))
    // The schema-1 month log says the same, so reconciling changes nothing.
    await mkdir(join(dataDir, 'reviews'), { recursive: true })
    await writeFile(
      join(dataDir, 'reviews', '2026-10.json'),
      JSON.stringify({
        schemaVersion: 1,
        month: '2026-10',
        entries: [
          {
            id: 'r-1',
            documentId,
            cardId: 'a',
            variant: 'forward',
            kind: 'review',
            grade: 'good',
            reviewedAt: '2026-10-02T09:00:00.000Z',
            before: null,
            after: {
              ...Scheduler.newSchedule('2026-10-01T09:00:00.000Z'),
              state: 'review',
              due: '2026-12-24T09:00:00.000Z',
              reps: 3,
              stability: 40,
            },
          },
        ],
      }),
    )
    const services = await servicesOn(dataDir)
    const listed = await services.cards.list(documentId)
    expect(
      listed.ok && listed.value.map((c) => [c.card.id, c.items[0]!.state, c.items[0]!.isSuspended]),
    ).toEqual([
      ['a', 'review', true],
      ['b', 'review', true],
      ['c', 'new', false],
    ])
    const cards = JSON.parse(await readFile(join(folder, 'cards.json'), 'utf8'))
    expect(cards).not.toHaveProperty('schedules')
    expect(cards.schemaVersion).toBe(3)
    const shard = JSON.parse(
      await readFile(join(folder, 'schedules', `${scheduleShardOf('b')}.json`), 'utf8'),
    )
    expect(shard.schedules['b:forward']).toMatchObject({ reps: 5 })
    // An entry in the old month file can still be taken back.
    expect(await services.reviews.undo('r-1', '2026-10-02T09:00:00.000Z')).toEqual({
      ok: true,
      value: null,
    })
    const month = JSON.parse(await readFile(join(dataDir, 'reviews', '2026-10.json'), 'utf8'))
    expect(month.entries).toEqual([])
  })

  it('logs grades in a file per day', async () => {
    const services = await servicesOn(await makeDir())
    const card = await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'Q?',
      back: 'A',
      isReversible: false,
    })
    if (!card.ok) throw new Error(card.error.message)
    await services.reviews.grade(documentId, card.value.id, 'forward', 'good')
    expect(await services.store.reviewPeriods()).toEqual(['2026-11-28'])
  })

  it('check repairs a card without schedules and drops schedules of deleted cards, then finds nothing', async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const kept = await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'Q?',
      back: 'A',
      isReversible: true,
    })
    if (!kept.ok) throw new Error(kept.error.message)
    // As a crash between the two writes would leave them: a card without its schedules…
    await services.schedules.removeCards(documentId, 'x', [kept.value.id])
    // …and a schedule whose card is gone.
    await services.schedules.change(
      documentId,
      'x',
      new Map([['gone:forward', () => newItemSchedule('2026-11-28T09:00:00.000Z')]]),
    )
    const first = await checkLibrary(services)
    expect(first.repaired).toEqual([
      expect.stringContaining('gave 1 card its missing schedules'),
      expect.stringContaining('removed 1 schedule of deleted cards'),
    ])
    expect(first.problems).toEqual([])
    const second = await checkLibrary(await servicesOn(dataDir))
    expect(second.repaired).toEqual([])
    expect(second.problems).toEqual([])
    expect(await readdir(join(dataDir, 'documents', documentId, 'schedules'))).not.toHaveLength(0)
  })
})
