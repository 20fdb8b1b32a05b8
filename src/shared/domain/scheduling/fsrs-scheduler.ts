import {
  createEmptyCard,
  fsrs,
  Rating,
  State,
  type Card as FsrsCard,
  type FSRS,
  type Grade as FsrsGrade,
} from 'ts-fsrs'
import type { Grade, GradeOutcome, Schedule, SchedulerSettings, ScheduleState } from './schedule'
import { grades } from './schedule'

// The one place that speaks ts-fsrs: snake_case, Date objects and enums stay in this file.

const ratingOf: Record<Grade, FsrsGrade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
}
const stateNames: Record<State, ScheduleState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
}
const stateOf: Record<ScheduleState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
}

const millisecondsPerDay = 86_400_000

/** FSRS-6 scheduling with the reader's settings; `now` is always passed in. */
export class Scheduler {
  readonly #fsrs: FSRS

  constructor(settings: SchedulerSettings) {
    this.#fsrs = fsrs({
      request_retention: settings.desiredRetention,
      maximum_interval: settings.maximumIntervalDays,
      enable_fuzz: settings.isFuzzEnabled,
    })
  }

  /** The schedule of a card never reviewed: due at once. */
  static newSchedule(now: string): Schedule {
    return fromFsrs(createEmptyCard(new Date(now)))
  }

  /** What each of the four grades would do, for the buttons' intervals. */
  preview(schedule: Schedule, now: string): GradeOutcome[] {
    const preview = this.#fsrs.repeat(toFsrs(schedule), new Date(now))
    return grades.map((grade) => outcome(grade, preview[ratingOf[grade]].card, now))
  }

  /** Applies one grade. */
  grade(schedule: Schedule, grade: Grade, now: string): GradeOutcome {
    return outcome(
      grade,
      this.#fsrs.next(toFsrs(schedule), new Date(now), ratingOf[grade]).card,
      now,
    )
  }

  /** The probability (0–1) that the reader still remembers the card at `now`. */
  recall(schedule: Schedule, now: string): number {
    if (schedule.state === 'new') return 0
    return this.#fsrs.get_retrievability(toFsrs(schedule), new Date(now), false)
  }
}

function outcome(grade: Grade, card: FsrsCard, now: string): GradeOutcome {
  const schedule = fromFsrs(card)
  return {
    grade,
    schedule,
    intervalDays: (Date.parse(schedule.due) - Date.parse(now)) / millisecondsPerDay,
  }
}

function fromFsrs(card: FsrsCard): Schedule {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateNames[card.state],
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  }
}

function toFsrs(schedule: Schedule): FsrsCard {
  const lastReview = schedule.lastReview ? new Date(schedule.lastReview) : undefined
  return {
    due: new Date(schedule.due),
    stability: schedule.stability,
    difficulty: schedule.difficulty,
    elapsed_days: 0,
    scheduled_days: schedule.scheduledDays,
    learning_steps: schedule.learningSteps,
    reps: schedule.reps,
    lapses: schedule.lapses,
    state: stateOf[schedule.state],
    ...(lastReview ? { last_review: lastReview } : {}),
  }
}
