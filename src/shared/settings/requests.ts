import { defineRequests, noArgs, request } from '../ipc/define-request'
import { stored } from '../ipc/stored-shapes'
import type { Settings } from '../model'

/** The reader's preferences. */
export const settingsRequests = /* @__PURE__ */ defineRequests(() => ({
  /** The reader's preferences. */
  getSettings: request(noArgs).answers<Settings>(),
  /** Changes some preferences and returns all of them. */
  updateSettings: request(stored('settingsChanges')).answers<Settings>(),
}))
