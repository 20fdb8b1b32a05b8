/** An expected failure: a stable code for programs and a sentence for people. */
export interface Failure<C extends string = string> {
  readonly code: C
  readonly message: string
}

/** The outcome of an operation that can fail in an expected way. Bugs throw instead. */
export type Result<T, C extends string = string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Failure<C> }

/** Wraps a successful value. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value }
}

/** Wraps an expected failure with a message a reader understands. */
export function fail<C extends string>(code: C, message: string): Result<never, C> {
  return { ok: false, error: { code, message } }
}
