/** A place in the library a `lectern://` link points at. */
export interface LecternLink {
  readonly documentId: string
  /** The highlighted passage, when the link names one. */
  readonly highlightId?: string
}

/** The URL scheme Lectern registers with the operating system. */
export const lecternScheme = 'lectern'

const idPattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/

/** `lectern://open/<document>[/<highlight>]`: stable, readable, and safe in Markdown. */
export function formatLecternLink(link: LecternLink): string {
  const path = [link.documentId, link.highlightId]
    .filter((part): part is string => Boolean(part))
    .map((part) => encodeURIComponent(part))
  return `${lecternScheme}://open/${path.join('/')}`
}

/** Understands a `lectern://` link; null for anything else, so a hostile string opens nothing. */
export function parseLecternLink(text: string): LecternLink | null {
  if (text.length > 300) return null
  const match = /^lectern:\/\/open\/([^/?#\s]+)(?:\/([^/?#\s]+))?\/?$/i.exec(text.trim())
  if (!match) return null
  const documentId = safeDecode(match[1]!)
  const highlightId = match[2] === undefined ? undefined : safeDecode(match[2])
  if (!documentId || !idPattern.test(documentId)) return null
  if (match[2] === undefined) return { documentId }
  return highlightId && idPattern.test(highlightId) ? { documentId, highlightId } : null
}

/** The first `lectern://` link among command-line words (how Windows and Linux pass it on). */
export function findLecternLink(argv: readonly string[]): LecternLink | null {
  for (const word of argv) {
    if (word.startsWith(`${lecternScheme}:`)) {
      const link = parseLecternLink(word)
      if (link) return link
    }
  }
  return null
}

function safeDecode(part: string): string | undefined {
  try {
    return decodeURIComponent(part)
  } catch {
    return undefined
  }
}
