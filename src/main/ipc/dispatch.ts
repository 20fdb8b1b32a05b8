import { fail, type Result } from '../../shared/ipc/result'
import { requestNames, type RequestName } from '../../shared/ipc/contract'
import type { Handlers } from './handlers'
import { requestSchemas } from './request-schemas'
import { diskCause } from '../services/storage-failure'

/** Routes a named request with an untrusted argument to its handler. */
export type Dispatch = (name: string, args: unknown) => Promise<Result<unknown>>

const knownNames = new Set<string>(requestNames)

/**
 * Validates a request's argument against its schema before the handler sees it. An invalid
 * argument comes back as a failure and changes nothing; a handler that throws is a bug, logged
 * and reported as an internal failure.
 */
export function createDispatch(
  handlers: Handlers,
  log: (error: unknown) => void = console.error,
): Dispatch {
  return async (name, args) => {
    if (!knownNames.has(name)) return fail('invalid-arguments', `Unknown request: ${String(name)}`)
    const request = name as RequestName
    const parsed = requestSchemas[request].safeParse(args)
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
