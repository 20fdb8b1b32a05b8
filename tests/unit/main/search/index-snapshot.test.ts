import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  decodeSnapshot,
  encodeSnapshot,
  snapshotEngine,
} from '../../../../src/main/search/index-snapshot'
import type { SearchEntry } from '../../../../src/main/search/search-entries'
import { SearchIndex } from '../../../../src/main/search/search-index'
import { generateProse, seededRandom } from '../../../support/generated-text'

const queries = ['encryption', 'police chiefs', 'Zuckerb', 'publik safety', 'lawful', 'schen']

/** Three documents of generated prose with a highlight and a note, in one index. */
function sampleIndex(): SearchIndex {
  const random = seededRandom(7)
  const index = new SearchIndex()
  for (const id of ['alpha', 'beta', 'gamma']) {
    const text = generateProse(random, 6000)
    const segments: { start: number; end: number }[] = []
    let start = 0
    for (const block of text.split('\n\n')) {
      segments.push({ start, end: start + block.length })
      start += block.length + 2
    }
    index.putText(id, `hash-${id}`, { text, segments })
  }
  index.putAnnotations('beta', [
    entry('beta/hh1', 'highlight', 'the lawful access of the police'),
    entry('beta/nh1', 'note', 'Compare with the pelican argument #rhetoric'),
  ])
  return index
}

function entry(id: string, kind: 'highlight' | 'note', text: string): SearchEntry {
  return { id, kind, documentId: 'beta', start: 5, end: 25, highlightId: 'h1', text }
}

const resultsOf = (index: SearchIndex) => queries.map((query) => index.search(query, 30))

describe('a kept search index', () => {
  it('finds, after being read back, exactly what the index it was written from finds', () => {
    const index = sampleIndex()
    const kept = decodeSnapshot(encodeSnapshot(index))
    expect(kept).not.toBeNull()
    expect(resultsOf(kept!)).toEqual(resultsOf(index))
    expect(resultsOf(kept!).flat().length).toBeGreaterThan(20)
    expect(kept!.search('pelican', 30)).toMatchObject([{ kind: 'note', highlightId: 'h1' }])
  })

  it('takes changes after being read back as the index it was written from does', () => {
    const index = sampleIndex()
    const kept = decodeSnapshot(encodeSnapshot(index))!
    for (const changed of [index, kept]) {
      changed.putText('alpha', 'hash-alpha-2', {
        text: 'Grey herons wait by the river.',
        segments: [{ start: 0, end: 30 }],
      })
      changed.remove('gamma')
      changed.putAnnotations('beta', [entry('beta/nh1', 'note', 'Herons, not pelicans')])
    }
    expect(kept.search('herons', 30)).toEqual(index.search('herons', 30))
    expect(kept.search('pelican', 30)).toEqual(index.search('pelican', 30))
    expect(resultsOf(kept)).toEqual(resultsOf(index))
    expect(kept.documents.get('alpha')?.revisionHash).toBe('hash-alpha-2')
    expect(kept.documents.has('gamma')).toBe(false)
    // And again through a second file: nothing of the removed document or old revision returns.
    const again = decodeSnapshot(encodeSnapshot(kept))!
    expect(resultsOf(again)).toEqual(resultsOf(index))
    expect(again.search('herons', 30).map((hit) => hit.documentId)).toEqual(
      index.search('herons', 30).map((hit) => hit.documentId),
    )
    expect(new Set(again.search('herons', 30).map((hit) => hit.documentId))).toEqual(
      new Set(['alpha', 'beta']),
    )
  })

  it('is not trusted when damaged, cut short, of another version or not an index at all', () => {
    const bytes = encodeSnapshot(sampleIndex())
    const flipped = Uint8Array.from(bytes)
    flipped[bytes.length - 100]! ^= 0x04
    const header = Buffer.from(bytes).toString('latin1')
    const newer = Buffer.from(header.replace('"version":1,', '"version":2,'), 'latin1')
    expect(decodeSnapshot(flipped)).toBeNull()
    expect(decodeSnapshot(bytes.subarray(0, bytes.length - 7))).toBeNull()
    expect(decodeSnapshot(bytes.subarray(0, 30))).toBeNull()
    expect(decodeSnapshot(newer)).toBeNull()
    expect(decodeSnapshot(new TextEncoder().encode('{"documents":[]}'))).toBeNull()
    expect(decodeSnapshot(new Uint8Array())).toBeNull()
    expect(decodeSnapshot(bytes)).not.toBeNull()
  })

  it('is read from a buffer at any offset', () => {
    const bytes = encodeSnapshot(sampleIndex())
    const shifted = new Uint8Array(bytes.length + 1)
    shifted.set(bytes, 1)
    expect(resultsOf(decodeSnapshot(shifted.subarray(1))!)).toEqual(resultsOf(sampleIndex()))
  })

  it('keeps offsets of a text with a lone surrogate', () => {
    const index = new SearchIndex()
    const text = 'Broken \uD800 pair, then herons by the river.'
    index.putText('alpha', 'hash', { text, segments: [{ start: 0, end: text.length }] })
    const [hit] = decodeSnapshot(encodeSnapshot(index))!.search('herons', 30)
    expect(text.slice(hit!.start, hit!.end)).toBe('herons')
  })

  it('names the MiniSearch that made it, so an upgrade rebuilds kept indexes', () => {
    const installed = JSON.parse(
      readFileSync(resolve(__dirname, '../../../../node_modules/minisearch/package.json'), 'utf8'),
    ) as { version: string }
    expect(snapshotEngine).toContain(`minisearch ${installed.version} `)
  })
})
