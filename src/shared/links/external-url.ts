/**
 * The WHATWG URL parser, present in Node, Electron and Chromium alike; shared code is compiled
 * without DOM or Node types, so the little of it used here is named here.
 */
declare const URL: new (input: string) => {
  readonly protocol: string
  readonly username: string
  readonly password: string
  readonly hostname: string
  toString(): string
}

/** Schemes Lectern hands to the system: the web over TLS, and e-mail. */
const allowedProtocols = new Set(['https:', 'mailto:'])

/** The normalised URL when it may be opened in the system browser; null otherwise. */
export function parseExternalUrl(candidate: string): string | null {
  let url: InstanceType<typeof URL>
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (!allowedProtocols.has(url.protocol)) return null
  if (url.protocol === 'https:' && (url.username || url.password || !url.hostname)) return null
  return url.toString()
}
