import { fail, type Result } from '../../shared/ipc/result'
import { requestDefinitions, requestNames, type RequestName } from '../../shared/ipc/contract'
import { provideStoredShapes } from '../../shared/ipc/stored-shapes'
import type { Handlers } from './handler-types'
import { storedShapes } from './stored-shapes'
import { diskCause } from '../services/storage-failure'

/** Routes a named request with an untrusted argument to its handler. */
export type Dispatch = (name: string, args: unknown) => Promise<Result<unknown>>

const knownNames = new Set<string>(requestNames)

/**
 * Parses an argument with its request's schema. A schema can throw on hostile input (zod's
 * `.readonly()` freezes what it was given, and bytes cannot be frozen): that is an invalid
 * argument too, not a bug of Lectern's.
 */
function validate(request: RequestName, args: unknown): { success: boolean; data?: unknown } {
  try {
    return requestDefinitions[request].input.safeParse(args)
  } catch {
    return { success: false }
  }
}

/**
 * Validates a request's argument against its schema (its feature's definition, which holds some
 * fields to the store's own schemas) before the handler sees it. An invalid
 * argument comes back as a failure and changes nothing; a handler that throws is a bug, logged
 * and reported as an internal failure.
 */
export function createDispatch(
  handlers: Handlers,
  log: (error: unknown) => void = console.error,
): Dispatch {
  provideStoredShapes(storedShapes)
  return async (name, args) => {
    if (!knownNames.has(name)) return fail('invalid-arguments', `Unknown request: ${String(name)}`)
    const request = name as RequestName
    const parsed = validate(request, args)
    if (!parsed.success) {
      return fail('invalid-arguments', `The request ${request} was sent invalid arguments.`)
    }
    try {
      const handler = handlers[request] as (
        args: unknown,
      ) => Promise<Result<unknown>> | Result<unknown>
      return await handler(parsed.data)
    } catch (error) {
      log(error)
      // A file the disk would not give back (EIO, EACCES…): said in words; nothing was replaced.
      const cause = diskCause(error)
      if (cause)
        return fail(
          'storage-failed',
          `Lectern could not read or save your data because ${cause}. Nothing was changed.`,
        )
      return fail('internal', 'Something went wrong inside Lectern. Your data was not changed.')
    }
  }
}
