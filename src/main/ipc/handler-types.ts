import type { RequestArgs, RequestName, RequestResult } from '../../shared/ipc/contract'
import type { Services } from '../services/create-services'

/** The handler of one request: validated arguments in, a Result out. */
export type Handler<K extends RequestName> = (
  args: RequestArgs<K>,
) => Promise<RequestResult<K>> | RequestResult<K>

/** One function per request. */
export type Handlers = { [K in RequestName]: Handler<K> }

/**
 * The handlers of one feature's requests (`typeof <feature>Requests`): one per request it
 * defines, typed from its definition, so a request without a handler does not compile.
 */
export type FeatureHandlers<Definitions> = {
  [K in keyof Definitions & RequestName]: Handler<K>
}

/** What the handlers need beyond the services: the shell's link opener and file chooser. */
export interface HandlerDeps {
  readonly services: Services
  /** Opens a vetted URL in the system browser (Electron's shell.openExternal in the app). */
  readonly openExternal: (url: string) => Promise<void>
  /** Files chosen in the system's open dialog since last asked (none where there is no dialog). */
  readonly takeChosenFiles?: () => { fileName: string; bytes: Uint8Array }[]
}
