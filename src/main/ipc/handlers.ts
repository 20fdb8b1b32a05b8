import { alignmentHandlers } from './alignment-handlers'
import type { HandlerDeps, Handlers } from './handler-types'
import { highlightHandlers } from './highlight-handlers'
import { interchangeHandlers } from './interchange-handlers'
import { libraryHandlers } from './library-handlers'
import { linkHandlers } from './link-handlers'
import { positionHandlers } from './position-handlers'
import { settingsHandlers } from './settings-handlers'
import { studyHandlers } from './study-handlers'

export type { HandlerDeps, Handlers } from './handler-types'

/**
 * Every request's handler: each feature's, side by side. Typed as `Handlers`, so a request a
 * feature defines but does not handle does not compile.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...libraryHandlers(deps),
    ...alignmentHandlers(deps),
    ...highlightHandlers(deps),
    ...studyHandlers(deps),
    ...positionHandlers(deps),
    ...settingsHandlers(deps),
    ...linkHandlers(deps),
    ...interchangeHandlers(deps),
  }
}
