import { z } from 'zod'
import { defineRequests, noArgs, request } from '../ipc/define-request'
import type { LinkTarget } from '../model'

/** Links: `lectern://` links into the library, and web links out of it. */
export const linkRequests = /* @__PURE__ */ defineRequests(() => ({
  /** `lectern://` links that arrived from outside since last asked, checked against the library. */
  takeOpenedLinks: request(noArgs).answers<LinkTarget[]>(),
  /** Where a `lectern://` link (in a note) leads. */
  resolveLink: request(z.strictObject({ link: z.string().max(300) })).answers<LinkTarget>(),
  /** Opens an https: or mailto: link in the system browser; anything else is refused. */
  openExternal: request(z.strictObject({ url: z.string().max(8192) })).answers<null, 'refused'>(),
}))
