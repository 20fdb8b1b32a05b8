import { fail, ok } from '../../shared/ipc/result'
import { parseExternalUrl } from '../../shared/links/external-url'
import type { linkRequests } from '../../shared/links/requests'
import type { FeatureHandlers, HandlerDeps } from './handler-types'

/** `lectern://` links into the library, and web links out of it. */
export function linkHandlers({
  services: { links },
  openExternal,
}: HandlerDeps): FeatureHandlers<typeof linkRequests> {
  return {
    takeOpenedLinks: async () => ok(await links.take()),
    resolveLink: async ({ link }) => ok(await links.resolve(link)),
    openExternal: async ({ url }) => {
      const vetted = parseExternalUrl(url)
      if (!vetted) return fail('refused', 'Lectern only opens web (https) and e-mail links.')
      await openExternal(vetted)
      return ok(null)
    },
  }
}
