/**
 * An error whose message is already a sentence a reader understands (what happened, what was
 * kept): shells show it as it is, where any other error is worded for them.
 */
export class ReaderFacingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReaderFacingError'
  }
}
