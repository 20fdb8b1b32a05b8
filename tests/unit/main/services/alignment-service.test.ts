import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mergeRows } from '../../../../src/shared/domain/alignment/edit-alignment'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('AlignmentService', () => {
  const makeDir = tempDirs()

  async function twoDocuments(dataDir: string) {
    const services = await servicesOn(dataDir)
    const a = await services.library.importFile(
      utf8('Original\n\nErster Absatz hier.\n\nZweiter Absatz hier.'),
      { fileName: 'de.txt' },
    )
    const b = await services.library.importFile(
      utf8('Translation\n\nFirst paragraph here.\n\nSecond paragraph here.'),
      { fileName: 'en.txt' },
    )
    if (!a.ok || !b.ok) throw new Error('imported')
    return { services, leftId: a.value.document.id, rightId: b.value.document.id }
  }

  it('aligns one to one, and stores the alignment', async () => {
    const dataDir = await makeDir()
    const { services, leftId, rightId } = await twoDocuments(dataDir)
    const aligned = await services.alignments.get(leftId, rightId)
    expect(aligned).toMatchObject({
      ok: true,
      value: {
        hasOutdatedFixes: false,
        rows: [
          { left: [0], right: [0] },
          { left: [1], right: [1] },
          { left: [2], right: [2] },
        ],
      },
    })
    const [name] = await readdir(join(dataDir, 'alignments'))
    const stored = JSON.parse(await readFile(join(dataDir, 'alignments', name!), 'utf8'))
    expect(stored.rows).toHaveLength(3)
    expect(name).toBe(`${[leftId, rightId].sort().join('__')}.json`)
  })

  it('keeps hand fixes, and never overwrites them when a text changes', async () => {
    const dataDir = await makeDir()
    const { services, leftId, rightId } = await twoDocuments(dataDir)
    const aligned = await services.alignments.get(leftId, rightId)
    if (!aligned.ok) throw new Error('aligned')
    const fixed = mergeRows(aligned.value.rows, 1)
    expect(await services.alignments.save(leftId, rightId, fixed)).toMatchObject({ ok: true })
    expect(await services.alignments.get(leftId, rightId)).toMatchObject({
      ok: true,
      value: { rows: fixed },
    })

    await services.library.importFile(
      utf8('Translation\n\nFirst paragraph here.\n\nSecond paragraph.\n\nA third one.'),
      { fileName: 'en.txt' },
    )
    const after = await services.alignments.get(leftId, rightId)
    expect(after).toMatchObject({ ok: true, value: { hasOutdatedFixes: true } })
    const [name] = await readdir(join(dataDir, 'alignments'))
    const stored = JSON.parse(await readFile(join(dataDir, 'alignments', name!), 'utf8'))
    expect(stored.rows.filter((row: { isManual: boolean }) => row.isManual)).toHaveLength(1)
  })

  it('refuses rows that leave out or repeat a paragraph', async () => {
    const { services, leftId, rightId } = await twoDocuments(await makeDir())
    const bad = [{ left: [0, 1], right: [0], isManual: true }]
    expect(await services.alignments.save(leftId, rightId, bad)).toMatchObject({
      ok: false,
      error: { code: 'invalid-alignment' },
    })
  })
})

describe('AlignmentService pairs', () => {
  const makeDir = tempDirs()

  it('keeps one alignment per pair, whichever side each document is on', async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const a = await services.library.importFile(utf8('A\n\nOne.\n\nTwo.\n\nThree.'), {
      fileName: 'a.txt',
    })
    const b = await services.library.importFile(utf8('B\n\nUno.\n\nDos.\n\nTres.'), {
      fileName: 'b.txt',
    })
    if (!a.ok || !b.ok) throw new Error('imported')
    const [x, y] = [a.value.document.id, b.value.document.id]
    const aligned = await services.alignments.get(x, y)
    if (!aligned.ok) throw new Error('aligned')
    await services.alignments.save(x, y, mergeRows(aligned.value.rows, 1))
    const reversed = await services.alignments.get(y, x)
    expect(reversed.ok && reversed.value.rows[1]).toEqual({
      left: [1, 2],
      right: [1, 2],
      isManual: true,
    })
    expect(await readdir(join(dataDir, 'alignments'))).toHaveLength(1)
  })
})
