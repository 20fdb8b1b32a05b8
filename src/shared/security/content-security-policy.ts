/**
 * The Content-Security-Policy of the app page. Nothing remote is ever loaded: scripts, styles,
 * fonts and images come from the app itself (images also from data: URLs of imported documents).
 * The dev server needs its websocket for hot reload, and nothing else.
 */
export function contentSecurityPolicy({ isDev }: { isDev: boolean }): string {
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    isDev ? "connect-src 'self' ws://localhost:* http://localhost:*" : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'none'",
  ]
  return directives.join('; ')
}
