/** What a lenient parse recovered from damaged JSON, and how much it had to leave out. */
export interface LenientParse {
  readonly value: unknown
  /** Array elements and object members that could not be read and were left out. */
  readonly dropped: number
}

/** Deeper than this, a data file is not Lectern's: the parse gives up rather than recurse on. */
const maxDepth = 64

class Unreadable extends Error {}

/**
 * Parses JSON that may be damaged (a flipped byte, a cut-off end, a trailing comma added by
 * hand), keeping every array element and object member that can still be read. A value that
 * cannot be read is skipped up to the next `,` (or the closing bracket) at its own depth, so
 * one damaged record costs that record, not the file. Returns null when not even the top-level
 * object can be recognised. Pure; what is kept must still pass the file's schema.
 */
export function parseLeniently(text: string): LenientParse | null {
  const parser = new LenientParser(text)
  try {
    const value = parser.topLevel()
    return { value, dropped: parser.dropped }
  } catch (error) {
    if (error instanceof Unreadable) return null
    throw error
  }
}

class LenientParser {
  dropped = 0
  #at = 0
  readonly #text: string

  constructor(text: string) {
    this.#text = text
  }

  topLevel(): unknown {
    this.#skipSpace()
    if (this.#text[this.#at] !== '{') throw new Unreadable()
    return this.#object(0)
  }

  #value(depth: number): unknown {
    if (depth > maxDepth) throw new Unreadable()
    this.#skipSpace()
    const char = this.#text[this.#at]
    if (char === '{') return this.#object(depth + 1)
    if (char === '[') return this.#array(depth + 1)
    if (char === '"') return this.#string()
    return this.#literal()
  }

  #object(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {}
    this.#at++ // {
    for (;;) {
      this.#skipSpace()
      const char = this.#text[this.#at]
      if (char === undefined) return result // cut off: keep what was read
      if (char === '}') {
        this.#at++
        return result
      }
      if (char === ',') {
        this.#at++
        continue
      }
      const start = this.#at
      try {
        const key = this.#string()
        this.#skipSpace()
        if (this.#text[this.#at] !== ':') throw new Unreadable()
        this.#at++
        const value = this.#value(depth)
        this.#expectSeparator('}')
        if (key !== '__proto__') result[key] = value
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error
        this.dropped++
        this.#resync(start, '}')
      }
    }
  }

  #array(depth: number): unknown[] {
    const result: unknown[] = []
    this.#at++ // [
    for (;;) {
      this.#skipSpace()
      const char = this.#text[this.#at]
      if (char === undefined) return result
      if (char === ']') {
        this.#at++
        return result
      }
      if (char === ',') {
        this.#at++
        continue
      }
      const start = this.#at
      try {
        const value = this.#value(depth)
        this.#expectSeparator(']')
        result.push(value)
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error
        this.dropped++
        this.#resync(start, ']')
      }
    }
  }

  /** After a value: a comma, the closing bracket, or the end of a cut-off file. */
  #expectSeparator(close: string): void {
    this.#skipSpace()
    const char = this.#text[this.#at]
    if (char !== ',' && char !== close && char !== undefined) throw new Unreadable()
  }

  /**
   * Moves past a damaged value: to the next `,` or `close` at the depth where it began, reading
   * strings as strings so that brackets inside them do not count. Always moves forward.
   */
  #resync(start: number, close: string): void {
    let depth = 0
    let at = start
    let inString = false
    for (; at < this.#text.length; at++) {
      const char = this.#text[at]
      if (inString) {
        if (char === '\\') at++
        else if (char === '"') inString = false
        continue
      }
      if (char === '"') inString = true
      else if (char === '{' || char === '[') depth++
      else if (char === '}' || char === ']') {
        if (depth === 0) break
        depth--
      } else if (char === ',' && depth === 0) break
    }
    // A damaged value that swallowed the closing bracket: stop at the end, keep what was read.
    this.#at = Math.max(at, start + 1)
    if (this.#text[this.#at] === close || this.#at >= this.#text.length) return
  }

  #string(): string {
    if (this.#text[this.#at] !== '"') throw new Unreadable()
    const end = this.#endOfString(this.#at)
    try {
      const value: unknown = JSON.parse(this.#text.slice(this.#at, end + 1))
      this.#at = end + 1
      return value as string
    } catch {
      throw new Unreadable()
    }
  }

  #endOfString(open: number): number {
    for (let at = open + 1; at < this.#text.length; at++) {
      const char = this.#text[at]
      if (char === '\\') at++
      else if (char === '"') return at
      else if (char === '\n') break // JSON strings never span lines: the quote was damaged
    }
    throw new Unreadable()
  }

  #literal(): unknown {
    const match = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
      this.#text.slice(this.#at, this.#at + 40),
    )
    if (!match) throw new Unreadable()
    this.#at += match[0].length
    return JSON.parse(match[0])
  }

  #skipSpace(): void {
    while (/\s/.test(this.#text[this.#at] ?? '')) this.#at++
  }
}
