import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServices } from '../../src/main/services/create-services'
import { Scheduler } from '../../src/shared/domain/scheduling'
import { median, percentile, time, type BenchResult } from '../measure'
import { quickSizes, type Sizes } from '../sizes'

const resourcesDir = resolve(__dirname, '../../resources')

/** Grading a card and getting the next one, with many cards in the library, against grading alone. */
export async function gradeAndNext(sizes: Sizes): Promise<BenchResult> {
  const cardCount = sizes === quickSizes ? 2_000 : 50_000
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-bench-'))
  try {
    let time_ = Date.parse('2026-11-28T09:00:00.000Z')
    const services = await createServices({
      dataDir,
      resourcesDir,
      seedStudyMaterial: false,
      now: () => new Date(time_),
    })
    const documentId = 'europol-warns-about-e2ee'
    const file = await services.store.cards(documentId, 'bench')
    const now = new Date(time_).toISOString()
    await file.update((draft) => {
      for (let i = 0; i < cardCount; i++) {
        draft.cards.push({
          id: `c${i}`,
          documentId,
          highlightId: null,
          content: {
            kind: 'basic',
            front: `Question ${i}?`,
            back: `Answer ${i}`,
            isReversible: false,
          },
          createdAt: now,
          updatedAt: now,
        })
      }
    })
    await services.schedules.sync(documentId, 'bench', file.data.cards, now)
    // A month of study before: 300 reviews a day in the log, as a heavy user's would hold.
    for (let day = 1; day <= 30; day++) {
      const date = new Date(Date.parse('2026-11-28T10:00:00.000Z') - day * 86_400_000)
      const log = await services.store.reviews(date.toISOString().slice(0, 10))
      await log.update((draft) => {
        for (let i = 0; i < 300; i++) {
          const reviewedAt = new Date(date.getTime() + i * 1000).toISOString()
          const schedule = Scheduler.newSchedule(reviewedAt)
          draft.entries.push({
            id: `past-${day}-${i}`,
            documentId,
            cardId: `c${cardCount - 1 - ((day * 300 + i) % cardCount)}`,
            variant: 'forward',
            kind: 'review',
            grade: 'good',
            reviewedAt,
            before: schedule,
            after: schedule,
          })
        }
      })
    }
    const latencies: number[] = []
    for (let i = 0; i < sizes.runs * 10; i++) {
      const queue = await services.reviews.queue()
      const item = queue.items[0]
      if (!item) break
      const start = performance.now()
      await services.reviews.grade(item.documentId, item.card.id, item.variant, 'good')
      await services.reviews.queue()
      latencies.push(performance.now() - start)
      time_ += 1000
    }
    const scheduler = new Scheduler({
      desiredRetention: 0.9,
      maximumIntervalDays: 36500,
      isFuzzEnabled: true,
    })
    const alone = median(
      await time(sizes.runs * 10, () => scheduler.grade(Scheduler.newSchedule(now), 'good', now)),
    )
    return {
      workload: `grade a card → next card shown, ${cardCount.toLocaleString('en')} cards`,
      figure: 'p95 ms',
      value: percentile(latencies, 95),
      peer: null,
      floor: { name: 'grading alone in the scheduler', value: alone },
      target: '≤ 100 ms',
      isMet: percentile(latencies, 95) <= 100,
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
}

export const workloads = [gradeAndNext]
