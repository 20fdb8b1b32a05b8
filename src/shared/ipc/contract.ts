import { defineRequests, type ArgsOf, type FailureOf, type ValueOf } from './define-request'
import type { Result } from './result'
import { alignmentRequests } from '../alignment/requests'
import { highlightRequests } from '../highlights/requests'
import { interchangeRequests } from '../interchange/requests'
import { libraryRequests } from '../library/requests'
import { linkRequests } from '../links/requests'
import { positionRequests } from '../positions/requests'
import { settingsRequests } from '../settings/requests'
import { studyRequests } from '../study/requests'

export type { HighlightFailure } from '../highlights/requests'
export type { ImportFailure } from '../library/requests'
export type { CardFailure } from '../study/requests'
export type { PositionFailure } from '../positions/requests'

/** Failure codes any request can return. */
export type CommonFailure = 'invalid-arguments' | 'internal' | 'storage-failed' | 'read-only'

/**
 * Every request the renderer can make of the main process, by feature. Each feature's module
 * (`shared/<feature>/requests.ts`) is the one definition of its requests: the schema of the
 * argument and what it answers. Everything else is derived from this object: the names, the
 * types below, `window.lectern`, dispatch validation and the handler types. A request's name is
 * its IPC channel and the name of its method on `window.lectern`.
 */
export const requestDefinitions = /* @__PURE__ */ defineRequests(() => ({
  ...libraryRequests,
  ...alignmentRequests,
  ...highlightRequests,
  ...studyRequests,
  ...positionRequests,
  ...settingsRequests,
  ...linkRequests,
  ...interchangeRequests,
}))

type Definitions = typeof requestDefinitions

/** Each request's argument, value and expected failures, as the renderer and main see them. */
export type Requests = {
  [K in keyof Definitions]: {
    args: ArgsOf<Definitions[K]>
    value: ValueOf<Definitions[K]>
    failure: FailureOf<Definitions[K]>
  }
}

export { domEventName, eventNames, type Events } from './events'

/** The name of a request, which is also its channel. */
export type RequestName = keyof Requests

/** Every request name, in one list the preload and main both build from. */
export const requestNames: readonly RequestName[] = /* @__PURE__ */ Object.keys(
  requestDefinitions,
) as RequestName[]

/** Arguments of a request. */
export type RequestArgs<K extends RequestName> = Requests[K]['args']

/** What a request resolves to: its value or an expected failure. */
export type RequestResult<K extends RequestName> = Result<
  Requests[K]['value'],
  Requests[K]['failure'] | CommonFailure
>

/** The typed API the preload exposes as `window.lectern`. */
export type LecternApi = {
  [K in RequestName]: RequestArgs<K> extends undefined
    ? () => Promise<RequestResult<K>>
    : (args: RequestArgs<K>) => Promise<RequestResult<K>>
}

/** The one function a transport needs: send a named request with its argument. */
export type Invoke = (name: RequestName, args: unknown) => Promise<unknown>

/** Builds `window.lectern` over any transport (Electron IPC, or the test bridge). */
export function buildApi(invoke: Invoke): LecternApi {
  const api: Record<string, (args?: unknown) => Promise<unknown>> = {}
  for (const name of requestNames) api[name] = (args?: unknown) => invoke(name, args)
  return api as LecternApi
}
