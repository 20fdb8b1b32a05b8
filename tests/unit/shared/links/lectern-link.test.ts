import { describe, expect, it } from 'vitest'
import {
  findLecternLink,
  formatLecternLink,
  parseLecternLink,
} from '../../../../src/shared/links/lectern-link'

describe('lectern:// links', () => {
  it('round-trips a document and a highlight', () => {
    const link = formatLecternLink({ documentId: 'europol-warns-about-e2ee', highlightId: 'abc-1' })
    expect(link).toBe('lectern://open/europol-warns-about-e2ee/abc-1')
    expect(parseLecternLink(link)).toEqual({
      documentId: 'europol-warns-about-e2ee',
      highlightId: 'abc-1',
    })
    expect(parseLecternLink('lectern://open/doc-1')).toEqual({ documentId: 'doc-1' })
  })

  it('opens nothing for anything else', () => {
    for (const text of [
      'https://open/doc',
      'lectern://evil/doc',
      'lectern://open/',
      'lectern://open/../etc/passwd',
      'lectern://open/doc/%2e%2e',
      'lectern://open/a/b/c',
      'lectern://open/doc?x=<script>',
      `lectern://open/${'a'.repeat(400)}`,
      'lectern://open/%E0%A4%A',
    ])
      expect(parseLecternLink(text), text).toBeNull()
  })

  it('finds the link among command-line words', () => {
    expect(findLecternLink(['/usr/bin/lectern', '--flag', 'lectern://open/doc/h1'])).toEqual({
      documentId: 'doc',
      highlightId: 'h1',
    })
    expect(findLecternLink(['/usr/bin/lectern', 'file.txt'])).toBeNull()
  })
})
