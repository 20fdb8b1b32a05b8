import { createHash } from 'node:crypto'
import MiniSearch from 'minisearch'
import { LazyTermData } from './lazy-term-data'
import type { SearchEntry } from './search-entries'
import {
  SearchIndex,
  searchOptions,
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
/** What the postings were made by: a kept index made otherwise would give other results. */
const engine = `minisearch 7.2.0 ${JSON.stringify(searchOptions)}`
const kinds: readonly SearchEntry['kind'][] = ['text', 'highlight', 'note']
/** Numbers kept per entry: kind, short id, start, end, field length, text length. */
const rowWidth = 6

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
  const texts: string[] = []
  const documents: Header['documents'][number][] = []
  for (const [documentId, known] of index.documents) {
    const highlightIds: string[] = []
    for (const id of [...known.textIds, ...known.annotationIds]) {
      const entry = index.entries.get(id)!
      const shortId = internals._idToShortId.get(id)!
      if (entry.kind !== 'text') highlightIds.push(entry.highlightId ?? '')
      // UTF-8 turns a lone surrogate into one U+FFFD: the length, and so every offset, stays.
      const text = entry.text
      texts.push(text)
      rows.push(
        kinds.indexOf(entry.kind),
        shortId,
        entry.start,
        entry.end,
        internals._fieldLength.get(shortId)?.[0] ?? 0,
        text.length,
      )
    }
    documents.push({
      id: documentId,
      revisionHash: known.revisionHash,
      textCount: known.textIds.length,
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
  const textBytes = Buffer.from(texts.join(''), 'utf8')
  const body = Buffer.concat([
    int32Bytes(rows),
    int32Bytes(offsets),
    int32Bytes(ids),
    int32Bytes(counts),
    textBytes,
  ])
  const header: Header = {
    version: snapshotVersion,
    engine,
    isLittleEndian,
    checksum: checksumOf(body),
    documentCount: live.size,
    nextId: internals._nextId,
    averageFieldLength: [...internals._avgFieldLength],
    documents,
    terms,
    entryCount: rows.length / rowWidth,
    postingCount: ids.length,
    textBytes: textBytes.length,
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
 * another machine's byte order, a checksum that does not match, or numbers out of range.
 */
export function decodeSnapshot(bytes: Uint8Array): SearchIndex | null {
  try {
    return decode(bytes)
  } catch {
    return null
  }
}

function decode(input: Uint8Array): SearchIndex | null {
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice()
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buffer.length < 8 || buffer.toString('latin1', 0, 4) !== magic) return null
  const headerLength = buffer.readUInt32LE(4)
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength)) as Header
  if (
    header.version !== snapshotVersion ||
    header.engine !== engine ||
    header.isLittleEndian !== isLittleEndian
  )
    return null
  let offset = 8 + headerLength + ((4 - ((8 + headerLength) % 4)) % 4)
  const body = buffer.subarray(offset)
  if (checksumOf(body) !== header.checksum) return null
  const int32s = (count: number) => {
    const array = new Int32Array(bytes.buffer, bytes.byteOffset + offset, count)
    offset += count * 4
    return array
  }
  const rows = int32s(header.entryCount * rowWidth)
  const offsets = int32s(header.terms.length + 1)
  const ids = int32s(header.postingCount)
  const counts = int32s(header.postingCount)
  const allText = buffer.toString('utf8', offset, offset + header.textBytes)
  if (offset + header.textBytes !== buffer.length) return null

  const mini = new MiniSearch<SearchEntry>(searchOptions)
  const internals = mini as unknown as MiniSearchInternals
  const entries = new Map<string, SearchEntry>()
  const documents = new Map<string, IndexedDocument>()
  let row = 0
  let textAt = 0
  for (const document of header.documents) {
    const textIds: string[] = []
    const annotationIds: string[] = []
    const total = document.textCount + document.highlightIds.length
    for (let i = 0; i < total; i++, row++) {
      const at = row * rowWidth
      const kind = kinds[rows[at]!]
      if (!kind || (kind === 'text') !== i < document.textCount) return null
      const highlightId = kind === 'text' ? null : document.highlightIds[i - document.textCount]!
      const id =
        kind === 'text'
          ? `${document.id}/t${i}`
          : `${document.id}/${kind === 'highlight' ? 'h' : 'n'}${highlightId}`
      const shortId = rows[at + 1]!
      const textLength = rows[at + 5]!
      if (shortId < 0 || shortId >= header.nextId || internals._documentIds.has(shortId))
        return null
      entries.set(id, {
        id,
        kind,
        documentId: document.id,
        start: rows[at + 2]!,
        end: rows[at + 3]!,
        highlightId,
        text: allText.slice(textAt, (textAt += textLength)),
      })
      internals._documentIds.set(shortId, id)
      internals._idToShortId.set(id, shortId)
      internals._fieldLength.set(shortId, [rows[at + 4]!])
      ;(kind === 'text' ? textIds : annotationIds).push(id)
    }
    documents.set(document.id, { revisionHash: document.revisionHash, textIds, annotationIds })
  }
  if (row !== header.entryCount || textAt !== allText.length) return null
  if (offsets[0] !== 0 || offsets[header.terms.length] !== header.postingCount) return null
  for (let t = 0; t < header.terms.length; t++) {
    const from = offsets[t]!
    const to = offsets[t + 1]!
    if (to < from) return null
    internals._index.set(header.terms[t]!, new LazyTermData({ ids, counts, from, to }))
  }
  // Postings name only entries the file lists (checked once here, not at every search).
  for (const shortId of ids) if (!internals._documentIds.has(shortId)) return null
  internals._documentCount = header.documentCount
  internals._nextId = header.nextId
  internals._avgFieldLength = header.averageFieldLength
  internals._dirtCount = 0
  if (header.documentCount !== entries.size) return null
  return new SearchIndex(mini, entries, documents)
}

function int32Bytes(values: readonly number[]): Buffer {
  const array = new Int32Array(values)
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength)
}

/** Finds damage (a torn or altered file), not tampering: the index is derived and rebuildable. */
function checksumOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex')
}
