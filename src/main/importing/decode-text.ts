import { fail, ok, type Result } from '../../shared/ipc/result'

/** Why a file's bytes could not be read as text. */
export type DecodeFailure = 'empty' | 'too-large' | 'binary' | 'encoding'

/** Largest text file Lectern imports: 50 MB, about 25 long novels. */
export const maxTextFileBytes = 50 * 1024 * 1024

/** Share of control characters above which a "text" file is taken for binary data. */
const maxControlCharacterShare = 0.01

/**
 * Turns a file's bytes into text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Empty
 * files, binary data and invalid UTF-8 are refused with a sentence naming the file.
 */
export function decodeText(bytes: Uint8Array, fileName: string): Result<string, DecodeFailure> {
  const name = `“${fileName}”`
  if (bytes.length === 0) return fail('empty', `${name} is empty: there is nothing to import.`)
  if (bytes.length > maxTextFileBytes) {
    return fail(
      'too-large',
      `${name} is ${formatMegabytes(bytes.length)}; Lectern imports text files of up to ${formatMegabytes(maxTextFileBytes)}.`,
    )
  }
  const encoding = detectBomEncoding(bytes)
  if (encoding === 'utf-8' && bytes.includes(0)) {
    return fail('binary', `${name} looks like binary data (a program, image or archive), not text.`)
  }
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return fail(
      'encoding',
      `${name} is not valid UTF-8 text. Save it as UTF-8 in your editor and import it again.`,
    )
  }
  if (countControlCharacters(text) > text.length * maxControlCharacterShare) {
    return fail('binary', `${name} looks like binary data (a program, image or archive), not text.`)
  }
  if (text.trim() === '')
    return fail('empty', `${name} holds only blank space: there is nothing to import.`)
  return ok(text)
}

function detectBomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return 'utf-8'
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function countControlCharacters(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
      code === 0x7f
    ) {
      count++
    }
  }
  return count
}

/** "61 MB", "0.5 MB": a size as a reader says it. */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024)
  return `${Number(megabytes.toFixed(1))} MB`
}
