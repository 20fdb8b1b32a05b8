import { createHash } from 'node:crypto'
import MiniSearch from 'minisearch'
import { KeptMap, type KeptRowsOf } from './kept-map'
import { LazyTermData } from './lazy-term-data'
import type { SearchEntry } from './search-entries'
import {
  SearchIndex,
  searchOptions,
  textIdsOf,
  type IndexedDocument,
  type MiniSearchInternals,
} from './search-index'

/**
 * The kept index's format. A file of another version (an older or newer Lectern, or other index
 * options) is not read: the index is rebuilt from the documents. Bump it whenever the layout,
 * MiniSearch's version or the index options change.
 */
export const snapshotVersion = 1
const magic = 'LSIX'
/**
 * What the postings were made by: a kept index made otherwise would give other results. (A test
 * checks the version against the installed MiniSearch, so an upgrade cannot forget it.)
 */
export const snapshotEngine = `minisearch 7.2.0 ${JSON.stringify(searchOptions)}`
const kinds: readonly SearchEntry['kind'][] = ['text', 'highlight', 'note']
/** Numbers kept per entry: kind, short id, start, end, field length, text from, text to (bytes). */
const rowWidth = 7

interface Header {
  readonly version: number
  readonly engine: string
  readonly isLittleEndian: boolean
  readonly checksum: string
  readonly documentCount: number
  readonly nextId: number
  readonly averageFieldLength: number[]
  readonly documents: {
    readonly id: string
    readonly revisionHash: string
    readonly textCount: number
    /** The highlight of each highlight or note entry, in order. */
    readonly highlightIds: string[]
  }[]
  readonly terms: string[]
  readonly entryCount: number
  readonly postingCount: number
  readonly textBytes: number
}

const isLittleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** The index as bytes: a small JSON header, then the entries, postings and entry texts. */
export function encodeSnapshot(index: SearchIndex): Uint8Array {
  const internals = index.internals
  const live = internals._documentIds
  const rows: number[] = []
  const texts: Buffer[] = []
  let textBytes = 0
  const documents: Header['documents'][number][] = []
  for (const [documentId, known] of index.documents) {
    const highlightIds: string[] = []
    for (const id of [...textIdsOf(documentId, known), ...known.annotationIds]) {
      const entry = index.entries.get(id)!
      const shortId = internals._idToShortId.get(id)!
      if (entry.kind !== 'text') highlightIds.push(entry.highlightId ?? '')
      // UTF-8 turns a lone surrogate into one U+FFFD: the length, and so every offset, stays.
      const text = Buffer.from(entry.text, 'utf8')
      texts.push(text)
      rows.push(
        kinds.indexOf(entry.kind),
        shortId,
        entry.start,
        entry.end,
        internals._fieldLength.get(shortId)?.[0] ?? 0,
        textBytes,
        (textBytes += text.length),
      )
    }
    documents.push({
      id: documentId,
      revisionHash: known.revisionHash,
      textCount: known.textCount,
      highlightIds,
    })
  }
  const terms: string[] = []
  const offsets: number[] = [0]
  const ids: number[] = []
  const counts: number[] = []
  for (const [term, data] of internals._index) {
    const postings = data.get(0)
    if (!postings) continue
    const before = ids.length
    // Postings of discarded entries are dropped here rather than carried to the next start.
    for (const [shortId, count] of postings) {
      if (!live.has(shortId)) continue
      ids.push(shortId)
      counts.push(count)
    }
    if (ids.length === before) continue
    terms.push(term)
    offsets.push(ids.length)
  }
  const body = Buffer.concat([
    int32Bytes(rows),
    int32Bytes(offsets),
    int32Bytes(ids),
    int32Bytes(counts),
    ...texts,
  ])
  const header: Header = {
    version: snapshotVersion,
    engine: snapshotEngine,
    isLittleEndian,
    checksum: checksumOf(body),
    documentCount: live.size,
    nextId: internals._nextId,
    averageFieldLength: [...internals._avgFieldLength],
    documents,
    terms,
    entryCount: rows.length / rowWidth,
    postingCount: ids.length,
    textBytes,
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
  // The body starts at a multiple of 4, so its numbers can be read in place.
  const padding = (4 - ((8 + headerBytes.length) % 4)) % 4
  const prefix = Buffer.alloc(8)
  prefix.write(magic, 0, 'latin1')
  prefix.writeUInt32LE(headerBytes.length, 4)
  return Buffer.concat([prefix, headerBytes, Buffer.alloc(padding, 0x20), body])
}

/**
 * The index a kept file holds, or null when it cannot be trusted: another format or version,
 * another machine's byte order, a checksum that does not match, or numbers out of range. Its
 * entries and postings are read from the file's bytes when first asked for.
 */
export function decodeSnapshot(bytes: Uint8Array): SearchIndex | null {
  try {
    return decode(bytes)
  } catch {
    return null
  }
}

function decode(input: Uint8Array): SearchIndex | null {
  // The numbers are read in place, which needs them 4-aligned (a copy, never Buffer's shared slice).
  const bytes = input.byteOffset % 4 === 0 ? input : new Uint8Array(input)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buffer.length < 8 || buffer.toString('latin1', 0, 4) !== magic) return null
  const headerLength = buffer.readUInt32LE(4)
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength)) as Header
  if (
    header.version !== snapshotVersion ||
    header.engine !== snapshotEngine ||
    header.isLittleEndian !== isLittleEndian
  )
    return null
  let offset = 8 + headerLength + ((4 - ((8 + headerLength) % 4)) % 4)
  if (checksumOf(buffer.subarray(offset)) !== header.checksum) return null
  const int32s = (count: number) => {
    const array = new Int32Array(bytes.buffer, bytes.byteOffset + offset, count)
    offset += count * 4
    return array
  }
  // The checksum vouches for the numbers; a posting naming no listed entry would only be skipped
  // (MiniSearch drops postings of entries it does not know), so they are not checked one by one.
  const rows = int32s(header.entryCount * rowWidth)
  const offsets = int32s(header.terms.length + 1)
  const ids = int32s(header.postingCount)
  const counts = int32s(header.postingCount)
  const text = buffer.subarray(offset)
  if (text.length !== header.textBytes) return null
  const kept = KeptRows.read(header, rows, text)
  if (!kept) return null

  const mini = new MiniSearch<SearchEntry>(searchOptions)
  const internals = mini as unknown as MiniSearchInternals
  internals._documentIds = new KeptMap(kept.idOfShortId)
  internals._idToShortId = new KeptMap(kept.shortIdOfId)
  internals._fieldLength = new KeptMap(kept.fieldLengthOfShortId)
  if (offsets[0] !== 0 || offsets[header.terms.length] !== header.postingCount) return null
  for (let t = 0; t < header.terms.length; t++) {
    const from = offsets[t]!
    const to = offsets[t + 1]!
    if (to < from) return null
    internals._index.set(header.terms[t]!, new LazyTermData({ ids, counts, from, to }))
  }
  internals._documentCount = header.documentCount
  internals._nextId = header.nextId
  internals._avgFieldLength = header.averageFieldLength
  internals._dirtCount = 0
  if (header.documentCount !== header.entryCount) return null
  return new SearchIndex(mini, new KeptMap(kept.entryOfId), kept.documents)
}

/** The entries of a kept file, found by short id or by entry id without a Map entry each. */
class KeptRows {
  readonly documents = new Map<string, IndexedDocument>()
  readonly #header: Header
  readonly #rows: Int32Array
  readonly #text: Buffer
  /** For each short id, its row or -1. */
  readonly #rowOfShortId: Int32Array
  readonly #documentOfRow: Int32Array
  /** Each document's place in the header and its first row. */
  readonly #placeOf = new Map<string, { index: number; firstRow: number }>()
  readonly #annotationRows = new Map<string, number>()
  readonly idOfShortId: KeptRowsOf<number, string>
  readonly shortIdOfId: KeptRowsOf<string, number>
  readonly fieldLengthOfShortId: KeptRowsOf<number, number[]>
  readonly entryOfId: KeptRowsOf<string, SearchEntry>

  private constructor(header: Header, rows: Int32Array, text: Buffer) {
    this.#header = header
    this.#rows = rows
    this.#text = text
    this.#rowOfShortId = new Int32Array(header.nextId).fill(-1)
    this.#documentOfRow = new Int32Array(header.entryCount)
    const count = header.entryCount
    const shortIdOfRow = (row: number) => rows[row * rowWidth + 1]!
    const rowOfShortId = (shortId: number) =>
      shortId >= 0 && shortId < this.#rowOfShortId.length ? this.#rowOfShortId[shortId]! : -1
    this.idOfShortId = {
      count,
      rowOf: rowOfShortId,
      keyOf: shortIdOfRow,
      valueOf: (row) => this.#idOfRow(row),
    }
    this.shortIdOfId = {
      count,
      rowOf: (id) => this.#rowOfId(id),
      keyOf: (row) => this.#idOfRow(row),
      valueOf: shortIdOfRow,
    }
    this.fieldLengthOfShortId = {
      count,
      rowOf: rowOfShortId,
      keyOf: shortIdOfRow,
      // MiniSearch reads this array (field id 0) and never changes a kept one.
      valueOf: (row) => [rows[row * rowWidth + 4]!],
    }
    this.entryOfId = {
      count,
      rowOf: (id) => this.#rowOfId(id),
      keyOf: (row) => this.#idOfRow(row),
      valueOf: (row) => this.#entryOfRow(row),
    }
  }

  /** The rows of a file, or null when they do not fit together. */
  static read(header: Header, rows: Int32Array, text: Buffer): KeptRows | null {
    const kept = new KeptRows(header, rows, text)
    let row = 0
    for (const [index, document] of header.documents.entries()) {
      kept.#placeOf.set(document.id, { index, firstRow: row })
      const annotationIds: string[] = []
      const total = document.textCount + document.highlightIds.length
      for (let i = 0; i < total; i++, row++) {
        const at = row * rowWidth
        const isText = rows[at] === 0
        if (!kinds[rows[at]!] || isText !== i < document.textCount) return null
        const shortId = rows[at + 1]!
        if (!(shortId >= 0 && shortId < header.nextId) || kept.#rowOfShortId[shortId] !== -1)
          return null
        if (!(rows[at + 5]! >= 0 && rows[at + 5]! <= rows[at + 6]! && rows[at + 6]! <= text.length))
          return null
        kept.#rowOfShortId[shortId] = row
        kept.#documentOfRow[row] = index
        if (isText) continue
        const id = kept.#idOfRow(row, i)
        kept.#annotationRows.set(id, row)
        annotationIds.push(id)
      }
      kept.documents.set(document.id, {
        revisionHash: document.revisionHash,
        textCount: document.textCount,
        annotationIds,
      })
    }
    return row === header.entryCount ? kept : null
  }

  /** The row of an entry id: text entries by their number, highlights and notes by their id. */
  #rowOfId(id: string): number {
    const slash = id.indexOf('/')
    const place = this.#placeOf.get(id.slice(0, slash))
    if (place === undefined) return -1
    if (id[slash + 1] !== 't') return this.#annotationRows.get(id) ?? -1
    const number = id.slice(slash + 2)
    const ordinal = Number(number)
    const document = this.#header.documents[place.index]!
    return Number.isInteger(ordinal) && `${ordinal}` === number && ordinal < document.textCount
      ? place.firstRow + ordinal
      : -1
  }

  #idOfRow(row: number, ordinal = row - this.#firstRowOfRow(row)): string {
    const document = this.#header.documents[this.#documentOfRow[row]!]!
    const kind = kinds[this.#rows[row * rowWidth]!]
    if (kind === 'text') return `${document.id}/t${ordinal}`
    const highlightId = document.highlightIds[ordinal - document.textCount]!
    return `${document.id}/${kind === 'highlight' ? 'h' : 'n'}${highlightId}`
  }

  #firstRowOfRow(row: number): number {
    return this.#placeOf.get(this.#header.documents[this.#documentOfRow[row]!]!.id)!.firstRow
  }

  #entryOfRow(row: number): SearchEntry {
    const at = row * rowWidth
    const kind = kinds[this.#rows[at]!]!
    const document = this.#header.documents[this.#documentOfRow[row]!]!
    const ordinal = row - this.#firstRowOfRow(row)
    return {
      id: this.#idOfRow(row, ordinal),
      kind,
      documentId: document.id,
      start: this.#rows[at + 2]!,
      end: this.#rows[at + 3]!,
      highlightId: kind === 'text' ? null : document.highlightIds[ordinal - document.textCount]!,
      text: this.#text.toString('utf8', this.#rows[at + 5]!, this.#rows[at + 6]!),
    }
  }
}

function int32Bytes(values: readonly number[]): Buffer {
  const array = new Int32Array(values)
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength)
}

/** Finds damage (a torn or altered file), not tampering: the index is derived and rebuildable. */
function checksumOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex')
}
