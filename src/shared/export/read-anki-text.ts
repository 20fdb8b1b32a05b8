import type { CardContent } from '../model'
import { problemWithCard } from '../domain/cards/variants'
import { decodeEntities } from '../text/html-entities'

/** One note read from an Anki text file. */
export interface AnkiTextNote {
  /** The line the note starts on, for messages. */
  readonly line: number
  readonly guid: string | null
  readonly noteType: string | null
  readonly deck: string | null
  readonly tags: readonly string[]
  readonly fields: readonly string[]
}

/** What an Anki text file holds, and the lines that could not be read. */
export interface AnkiTextFile {
  readonly notes: readonly AnkiTextNote[]
  readonly problems: readonly { readonly line: number; readonly message: string }[]
}

const separators: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  space: ' ',
  pipe: '|',
  colon: ':',
}

/**
 * Reads a file in Anki's text import format: the `#key:value` headers Anki writes and reads
 * (separator, html, guid/notetype/deck/tags columns, fixed notetype/deck/tags), then one note
 * per record, fields quoted as in CSV when they hold a separator, quote or line break.
 */
export function readAnkiText(source: string): AnkiTextFile {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/)
  const headers = new Map<string, string>()
  let bodyStart = 0
  while (bodyStart < lines.length && lines[bodyStart]!.startsWith('#')) {
    const match = /^#([a-z ]+):(.*)$/i.exec(lines[bodyStart]!)
    if (match) headers.set(match[1]!.trim().toLowerCase(), match[2]!.trim())
    bodyStart++
  }
  const body = lines.slice(bodyStart).join('\n')
  const separator = chooseSeparator(headers.get('separator'), body)
  const isHtml = (headers.get('html') ?? 'false').toLowerCase() === 'true'
  const column = (name: string) => {
    const value = Number(headers.get(`${name} column`))
    return Number.isInteger(value) && value >= 1 ? value - 1 : -1
  }
  const columns = {
    guid: column('guid'),
    noteType: column('notetype'),
    deck: column('deck'),
    tags: column('tags'),
  }
  const special = new Set(Object.values(columns).filter((index) => index >= 0))
  const fixedTags = splitTags(headers.get('tags') ?? '')
  const notes: AnkiTextNote[] = []
  const problems: { line: number; message: string }[] = []
  for (const record of splitRecords(body, separator, bodyStart + 1)) {
    if (record.cells.every((cell) => cell.trim() === '')) continue
    if (record.isUnterminated) {
      problems.push({ line: record.line, message: 'a quoted field is never closed' })
      continue
    }
    const cell = (index: number) => (index >= 0 ? (record.cells[index] ?? '').trim() : '')
    const fields = record.cells
      .filter((_, index) => !special.has(index))
      .map((field) => (isHtml ? ankiHtmlToText(field) : field))
    notes.push({
      line: record.line,
      guid: cell(columns.guid) || null,
      noteType: cell(columns.noteType) || headers.get('notetype') || null,
      deck: cell(columns.deck) || headers.get('deck') || null,
      tags: [...fixedTags, ...splitTags(cell(columns.tags))],
      fields,
    })
  }
  return { notes, problems }
}

/** A note as a Lectern card's content, or why it cannot be one. */
export function ankiNoteToContent(note: AnkiTextNote): CardContent | string {
  const [first = '', second = ''] = note.fields
  const type = note.noteType?.toLowerCase() ?? ''
  const content: CardContent =
    type.includes('cloze') || (!type && /\{\{c\d+::/.test(first))
      ? { kind: 'cloze', text: first, extra: second }
      : { kind: 'basic', front: first, back: second, isReversible: type.includes('revers') }
  return problemWithCard(content) ?? content
}

/** An Anki HTML field as plain text: line breaks kept, markup dropped, entities decoded. */
export function ankiHtmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(?:div|p|li)>\s*/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  ).replace(/\n+$/, '')
}

function chooseSeparator(declared: string | undefined, body: string): string {
  if (declared) return separators[declared.toLowerCase()] ?? declared[0] ?? '\t'
  const firstLine = body.split('\n', 1)[0] ?? ''
  return ['\t', ';', ','].find((candidate) => firstLine.includes(candidate)) ?? '\t'
}

function splitTags(text: string): string[] {
  return text.split(/\s+/).filter(Boolean)
}

interface RawRecord {
  readonly line: number
  readonly cells: string[]
  readonly isUnterminated: boolean
}

/** Splits records and fields, honouring quotes that may span lines. */
function* splitRecords(body: string, separator: string, firstLine: number): Generator<RawRecord> {
  let line = firstLine
  let i = 0
  while (i < body.length) {
    const startLine = line
    const cells: string[] = []
    let cell = ''
    let isUnterminated = false
    let atCellStart = true
    for (;;) {
      if (i >= body.length) {
        cells.push(cell)
        break
      }
      const char = body[i]!
      if (atCellStart && char === '"') {
        const close = findClosingQuote(body, i + 1)
        if (close < 0) {
          isUnterminated = true
          cells.push(body.slice(i))
          i = body.length
          break
        }
        const quoted = body.slice(i + 1, close)
        line += quoted.split('\n').length - 1
        cell += quoted.replace(/""/g, '"')
        i = close + 1
        atCellStart = false
        continue
      }
      if (char === separator) {
        cells.push(cell)
        cell = ''
        atCellStart = true
      } else if (char === '\n') {
        cells.push(cell)
        line++
        i++
        break
      } else {
        cell += char
        atCellStart = false
      }
      i++
    }
    yield { line: startLine, cells, isUnterminated }
  }
}

function findClosingQuote(body: string, from: number): number {
  for (let i = from; i < body.length; i++) {
    if (body[i] !== '"') continue
    if (body[i + 1] === '"') i++
    else return i
  }
  return -1
}
