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
  /** While a place to resume is tried, a damaged value fails the try instead of being skipped. */
  #isStrict = false
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
        if (!(error instanceof Unreadable) || this.#isStrict) throw error
        this.dropped++
        this.#skipDamaged(start, depth, 'member', '}')
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
        if (!(error instanceof Unreadable) || this.#isStrict) throw error
        this.dropped++
        this.#skipDamaged(start, depth, 'element', ']')
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
   * Moves past a damaged value to the next `,` after which a sound value of the same kind
   * follows: an element that opens like the damaged one did (a damaged record is followed by the
   * next record, `},{`), or a member `"key": value`. Commas are tried one by one, without trusting
   * quotes, because a damaged byte may have opened or closed a string. With no such comma the
   * rest is cut off, as in a truncated file.
   */
  #skipDamaged(start: number, depth: number, kind: 'element' | 'member', close: string): void {
    const opens = this.#text[start]
    for (let comma = this.#text.indexOf(',', start + 1); comma >= 0;) {
      if (this.#isSoundAt(comma + 1, depth, kind, close, opens)) {
        this.#at = comma
        return
      }
      comma = this.#text.indexOf(',', comma + 1)
    }
    this.#at = this.#text.length
  }

  /** Whether a value (or member) parses cleanly from `at`, with no repair of its own. */
  #isSoundAt(
    at: number,
    depth: number,
    kind: 'element' | 'member',
    close: string,
    opens: string | undefined,
  ): boolean {
    const saved = this.#at
    this.#isStrict = true
    try {
      this.#at = at
      this.#skipSpace()
      if (kind === 'element') {
        if (opens !== undefined && this.#text[this.#at] !== opens) return false
        this.#value(depth)
      } else {
        this.#string()
        this.#skipSpace()
        if (this.#text[this.#at] !== ':') return false
        this.#at++
        this.#value(depth)
      }
      this.#expectSeparator(close)
      return true
    } catch (error) {
      if (error instanceof Unreadable) return false
      throw error
    } finally {
      this.#at = saved
      this.#isStrict = false
    }
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
