import { defaultHighlightLabels, type HighlightLabel } from './highlight'

/** Colour scheme of the whole app. */
export type Theme = 'light' | 'dark' | 'sepia'

/** Preferences that persist across restarts. */
export interface Settings {
  readonly theme: Theme
  /** Body text size in CSS pixels. */
  readonly fontSize: number
  /** Width of the side pane in CSS pixels. */
  readonly sidePaneWidth: number
  readonly isSidePaneOpen: boolean
  /** Highlight colours and what they mean, in the order the reader sees them. */
  readonly highlightLabels: readonly HighlightLabel[]
  /** Share of cards to still remember when they come due; FSRS plans intervals for it. */
  readonly desiredRetention: number
  /** New cards introduced per day, across all documents. */
  readonly newCardsPerDay: number
  /** Longest interval between two reviews of a card, in days. */
  readonly maximumIntervalDays: number
}

/** Bounds the reader enforces and the store validates. */
export const settingsLimits = {
  fontSize: { min: 14, max: 28, step: 1 },
  sidePaneWidth: { min: 240, max: 640 },
  highlightLabels: { min: 1, max: 12, nameLength: 40 },
  desiredRetention: { min: 0.7, max: 0.99 },
  newCardsPerDay: { min: 0, max: 9999 },
  maximumIntervalDays: { min: 1, max: 36500 },
} as const

/** What a fresh install starts with. */
export const defaultSettings: Settings = {
  theme: 'light',
  fontSize: 19,
  sidePaneWidth: 340,
  isSidePaneOpen: true,
  highlightLabels: defaultHighlightLabels,
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  maximumIntervalDays: 36500,
}
