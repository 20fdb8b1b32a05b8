/** A message for the reader about something the app did on its own, such as a recovery. */
export interface Notice {
  readonly id: string
  readonly level: 'info' | 'warning' | 'error'
  readonly title: string
  readonly message: string
}
