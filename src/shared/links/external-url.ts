/** Schemes Lectern hands to the system: the web over TLS, and e-mail. */
const allowedProtocols = new Set(['https:', 'mailto:'])

/** The normalised URL when it may be opened in the system browser; null otherwise. */
export function parseExternalUrl(candidate: string): string | null {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return null
  }
  if (!allowedProtocols.has(url.protocol)) return null
  if (url.protocol === 'https:' && (url.username || url.password || !url.hostname)) return null
  return url.toString()
}
