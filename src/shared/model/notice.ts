/** A message for the reader about something the app did on its own, such as a recovery. */
export interface Notice {
  readonly id: string
  readonly level: 'info' | 'warning' | 'error'
  readonly title: string
  readonly message: string
}

/** What "Check library" found: counts, what it repaired, and what it could not. */
export interface CheckReport {
  readonly documents: number
  readonly highlights: number
  /** Highlights whose passage is no longer in the text, waiting to be re-attached. */
  readonly orphans: number
  readonly cards: number
  readonly reviews: number
  /** Recoveries done while opening the files. */
  readonly notices: readonly string[]
  /** What was safe to repair and was repaired, in words. */
  readonly repaired: readonly string[]
  /** What does not hold and could not be repaired, in words. */
  readonly problems: readonly string[]
}
