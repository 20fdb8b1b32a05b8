/** How well the reader remembered: the four answers of a review. */
export type Grade = 'again' | 'hard' | 'good' | 'easy'

/** Every grade, in the order of the keys 1–4. */
export const grades: readonly Grade[] = ['again', 'hard', 'good', 'easy']

/** Where a card is in its life, as FSRS sees it. */
export type ScheduleState = 'new' | 'learning' | 'review' | 'relearning'

/** A card's memory state and when it is next due. Times are ISO strings. */
export interface Schedule {
  readonly due: string
  readonly stability: number
  readonly difficulty: number
  readonly scheduledDays: number
  readonly learningSteps: number
  readonly reps: number
  readonly lapses: number
  readonly state: ScheduleState
  readonly lastReview: string | null
}

/** The reader's scheduling preferences. */
export interface SchedulerSettings {
  /** Share of cards the reader wants to still remember when they come due (0.7–0.99). */
  readonly desiredRetention: number
  /** Longest interval between reviews, in days. */
  readonly maximumIntervalDays: number
  /** Spreads due dates a little so cards learnt together do not stay together; off in tests. */
  readonly isFuzzEnabled: boolean
}

/** What one grade would do to a card. */
export interface GradeOutcome {
  readonly grade: Grade
  readonly schedule: Schedule
  /** Days from now until it is due again (fractions for learning steps). */
  readonly intervalDays: number
}
