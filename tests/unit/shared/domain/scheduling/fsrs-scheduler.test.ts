import fc from 'fast-check'
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import {
  grades,
  Scheduler,
  type Grade,
  type Schedule,
} from '../../../../../src/shared/domain/scheduling'

const settings = { desiredRetention: 0.9, maximumIntervalDays: 36500, isFuzzEnabled: false }
const start = '2026-01-05T09:00:00.000Z'

describe('Scheduler (FSRS-6 through ts-fsrs, fuzz off, fixed dates)', () => {
  const scheduler = new Scheduler(settings)

  it('previews the four grades of a new card (golden values)', () => {
    const preview = scheduler.preview(Scheduler.newSchedule(start), start)
    expect(
      preview.map((o) => [
        o.grade,
        o.schedule.due,
        o.schedule.state,
        Number(o.schedule.stability.toFixed(4)),
      ]),
    ).toEqual([
      ['again', '2026-01-05T09:01:00.000Z', 'learning', 0.212],
      ['hard', '2026-01-05T09:06:00.000Z', 'learning', 1.2931],
      ['good', '2026-01-05T09:10:00.000Z', 'learning', 2.3065],
      ['easy', '2026-01-13T09:00:00.000Z', 'review', 8.2956],
    ])
  })

  it('follows a card through learning, review, a lapse and relearning (golden values)', () => {
    let schedule = Scheduler.newSchedule(start)
    let now = start
    const path: [string, string, number, number][] = []
    for (const grade of ['good', 'good', 'good', 'again', 'good'] as const) {
      schedule = scheduler.grade(schedule, grade, now).schedule
      path.push([schedule.due, schedule.state, schedule.reps, schedule.lapses])
      now = schedule.due
    }
    expect(path).toEqual([
      ['2026-01-05T09:10:00.000Z', 'learning', 1, 0],
      ['2026-01-07T09:10:00.000Z', 'review', 2, 0],
      ['2026-01-18T09:10:00.000Z', 'review', 3, 0],
      ['2026-01-18T09:20:00.000Z', 'relearning', 4, 1],
      ['2026-01-20T09:20:00.000Z', 'review', 5, 1],
    ])
    expect(Number(schedule.difficulty.toFixed(4))).toBe(7.3778)
  })

  it('gives the same result as ts-fsrs itself', () => {
    const raw = fsrs({ request_retention: 0.9, maximum_interval: 36500, enable_fuzz: false })
    const card = raw.next(createEmptyCard(new Date(start)), new Date(start), Rating.Easy).card
    const ours = scheduler.grade(Scheduler.newSchedule(start), 'easy', start).schedule
    expect(ours.due).toBe(card.due.toISOString())
    expect(ours.stability).toBe(card.stability)
    expect(ours.difficulty).toBe(card.difficulty)
  })

  it('keeps stored schedules as plain JSON with ISO dates', () => {
    const schedule = scheduler.grade(Scheduler.newSchedule(start), 'good', start).schedule
    expect(JSON.parse(JSON.stringify(schedule))).toEqual(schedule)
    expect(schedule.lastReview).toBe(start)
  })

  it('estimates recall: 0 for a new card, about the desired retention when a review card falls due', () => {
    expect(scheduler.recall(Scheduler.newSchedule(start), start)).toBe(0)
    const reviewed = scheduler.grade(Scheduler.newSchedule(start), 'easy', start).schedule
    expect(scheduler.recall(reviewed, start)).toBeCloseTo(1, 2)
    expect(scheduler.recall(reviewed, reviewed.due)).toBeCloseTo(0.9, 1)
  })

  it('always schedules in the future, with Again ≤ Hard ≤ Good ≤ Easy', () => {
    const grade = fc.constantFrom<Grade>(...grades)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(grade, fc.integer({ min: 0, max: 400 * 24 * 60 })), { maxLength: 12 }),
        (history) => {
          let schedule: Schedule = Scheduler.newSchedule(start)
          let now = Date.parse(start)
          for (const [g, waitMinutes] of history) {
            now = Math.max(now, Date.parse(schedule.due)) + waitMinutes * 60_000
            schedule = scheduler.grade(schedule, g, new Date(now).toISOString()).schedule
          }
          const at = new Date(now).toISOString()
          const intervals = scheduler.preview(schedule, at).map((o) => {
            expect(Date.parse(o.schedule.due)).toBeGreaterThanOrEqual(Date.parse(at))
            return o.intervalDays
          })
          for (let i = 1; i < intervals.length; i++)
            expect(intervals[i]!).toBeGreaterThanOrEqual(intervals[i - 1]!)
        },
      ),
      { seed: 2026, numRuns: 300 },
    )
  })
})
