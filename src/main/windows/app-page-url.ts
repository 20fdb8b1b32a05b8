/** What decides which URL is "the app page": the only page that gets the API (see isAppFrame). */
export interface AppPageSources {
  /** `app.isPackaged`: a packaged app never takes its page from the environment. */
  isPackaged: boolean
  /** `ELECTRON_RENDERER_URL`, which `electron-vite dev` sets to its dev server. */
  devServerUrl: string | undefined
  /** The built page beside the main bundle, as a file: URL. */
  builtPageUrl: string
}

/** Host names of this machine: electron-vite's dev server listens on localhost by default. */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The URL of the app page. The dev server's URL counts only in development and only when it is
 * an http(s) page on this machine: otherwise an environment variable could make any page "the app
 * page", pass the IPC sender check and get the whole API.
 */
export function chooseAppPageUrl(sources: AppPageSources): string {
  if (sources.isPackaged || !sources.devServerUrl) return sources.builtPageUrl
  return isLocalDevServer(sources.devServerUrl) ? sources.devServerUrl : sources.builtPageUrl
}

function isLocalDevServer(candidate: string): boolean {
  try {
    const url = new URL(candidate)
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && loopbackHosts.has(url.hostname)
    )
  } catch {
    return false
  }
}

/**
 * True when `url` is the app page at `appUrl`: the same origin and path, whatever its query or
 * fragment. The one test behind navigation, permissions and the IPC sender check; a malformed URL
 * is never the app page.
 */
export function isAppPage(url: string, appUrl: string): boolean {
  try {
    const candidate = new URL(url)
    const app = new URL(appUrl)
    return candidate.origin === app.origin && candidate.pathname === app.pathname
  } catch {
    return false
  }
}
