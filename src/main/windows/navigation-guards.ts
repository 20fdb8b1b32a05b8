import type { WebContents } from 'electron'
import { parseExternalUrl } from '../../shared/links/external-url'
import { isAppPage } from './app-page-url'

/** What to do with a navigation the page or a link asked for. */
export type NavigationDecision =
  | { readonly action: 'allow' }
  | { readonly action: 'deny' }
  | { readonly action: 'open-externally'; readonly url: string }

/**
 * In-app navigation is only allowed to the app's own page (a reload). Links to https: and
 * mailto: go to the system browser; everything else is dropped.
 */
export function decideNavigation(targetUrl: string, appUrl: string): NavigationDecision {
  if (isAppPage(targetUrl, appUrl)) return { action: 'allow' }
  const external = parseExternalUrl(targetUrl)
  return external ? { action: 'open-externally', url: external } : { action: 'deny' }
}

/** `window.open` never makes a window; safe links open in the system browser instead. */
export function decideWindowOpen(targetUrl: string): NavigationDecision {
  const external = parseExternalUrl(targetUrl)
  return external ? { action: 'open-externally', url: external } : { action: 'deny' }
}

/** Applies the decisions above to a web contents. */
export function guardNavigation(
  contents: WebContents,
  appUrl: () => string,
  openExternal: (url: string) => void,
): void {
  const handle = (decision: NavigationDecision, event?: { preventDefault(): void }) => {
    if (decision.action === 'allow') return
    event?.preventDefault()
    if (decision.action === 'open-externally') openExternal(decision.url)
  }
  contents.on('will-navigate', (event, url) => handle(decideNavigation(url, appUrl()), event))
  contents.on('will-redirect', (event, url) => handle(decideNavigation(url, appUrl()), event))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    handle(decideWindowOpen(url))
    return { action: 'deny' }
  })
}
