import { ok } from '../../shared/ipc/result'
import type { settingsRequests } from '../../shared/settings/requests'
import type { FeatureHandlers, HandlerDeps } from './handler-types'

/** The reader's preferences. */
export function settingsHandlers({
  services: { settings },
}: HandlerDeps): FeatureHandlers<typeof settingsRequests> {
  return {
    getSettings: () => ok(settings.get()),
    updateSettings: (changes) => settings.update(changes),
  }
}
