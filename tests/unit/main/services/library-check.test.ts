import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkLibrary } from '../../../../src/main/services/library-check'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

const documentId = 'europol-warns-about-e2ee'

describe('check library', () => {
  const makeDir = tempDirs()

  it('finds nothing to do in a healthy library', async () => {
    const services = await servicesOn(await makeDir(), undefined, true)
    const report = await checkLibrary(services)
    expect(report).toMatchObject({
      documents: 1,
      cards: 14,
      repaired: [],
      problems: [],
      notices: [],
    })
    expect(report.highlights).toBeGreaterThan(5)
  })

  it('repairs what a crash, a hand edit or another program left behind, and finds nothing the second time', async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir, undefined, true)
    const made = await services.annotations.create({
      documentId,
      start: 200,
      end: 260,
      labelId: 'evidence',
    })
    const doomed = await services.annotations.create({
      documentId,
      start: 400,
      end: 430,
      labelId: 'question',
    })
    if (!made.ok || !doomed.ok) throw new Error('fixture')
    const card = await services.cards.create(documentId, doomed.value.id, {
      kind: 'basic',
      front: 'Which passage?',
      back: 'A deleted one',
      isReversible: false,
    })
    if (!card.ok) throw new Error('fixture')
    await services.store.close()

    // Damage, as a crash, a sync tool or a hand edit would leave it:
    const folder = join(dataDir, 'documents', documentId)
    const annotationsPath = join(folder, 'annotations.json')
    const annotations = JSON.parse(await readFile(annotationsPath, 'utf8'))
    // a highlight whose offsets no longer point at its quote, and a highlight deleted by hand,
    const moved = annotations.highlights.find((h: { id: string }) => h.id === made.value.id)
    moved.selectors.position = { type: 'TextPositionSelector', start: 10, end: 70 }
    annotations.highlights = annotations.highlights.filter(
      (h: { id: string }) => h.id !== doomed.value.id,
    )
    await writeFile(annotationsPath, JSON.stringify(annotations))
    // a position citing that deleted highlight,
    const positionsPath = join(folder, 'positions.json')
    const positionFile = JSON.parse(await readFile(positionsPath, 'utf8'))
    positionFile.positions[0].evidence = [...positionFile.positions[0].evidence, doomed.value.id]
    await writeFile(positionsPath, JSON.stringify(positionFile))
    // a card's schedules lost (a crash between the two writes),
    const schedules = join(folder, 'schedules')
    for (const name of await readdir(schedules)) {
      const shard = JSON.parse(await readFile(join(schedules, name), 'utf8'))
      if (JSON.stringify(shard).includes(card.value.id)) {
        for (const key of Object.keys(shard.schedules))
          if (key.startsWith(card.value.id)) delete shard.schedules[key]
        await writeFile(join(schedules, name), JSON.stringify(shard))
      }
    }
    // and a document folder no library entry knows (an import cut off before it was listed).
    await mkdir(join(dataDir, 'documents', 'half-imported'), { recursive: true })
    await writeFile(join(dataDir, 'documents', 'half-imported', 'content.json'), '{}')

    const reopened = await servicesOn(dataDir, undefined, true)
    const first = await checkLibrary(reopened)
    // A folder with no readable text is reported and left exactly as it is, never trashed.
    const unreadable = expect.stringMatching(/documents\/half-imported holds no readable text/)
    expect(first.problems).toContainEqual(unreadable)
    for (const problem of first.problems) expect(problem).toContain('half-imported')
    expect(first.repaired).toEqual([
      expect.stringMatching(/1 highlight was not where its text is and was anchored again\.$/),
      expect.stringMatching(/1 card pointed to deleted highlights; they keep their words\.$/),
      expect.stringMatching(/gave 1 card its missing schedules\.$/),
      expect.stringMatching(/1 position cited deleted highlights/),
    ])
    const loaded = await reopened.annotations.load(documentId)
    if (!loaded.ok) throw new Error('unreadable')
    const fixed = loaded.value.highlights.find((h) => h.id === made.value.id)!
    expect(fixed.selectors.position).toMatchObject({ start: 200, end: 260 })
    const cards = await reopened.cards.list(documentId)
    if (!cards.ok) throw new Error('cards')
    const kept = cards.value.find(({ card: c }) => c.id === card.value.id)
    expect(kept?.card).toMatchObject({ highlightId: null, content: { front: 'Which passage?' } })
    expect(
      await readFile(join(dataDir, 'documents', 'half-imported', 'content.json'), 'utf8'),
    ).toBe('{}')
    await reopened.store.close()

    const again = await checkLibrary(await servicesOn(dataDir, undefined, true))
    expect(again.repaired).toEqual([])
    expect(again.problems).toEqual(first.problems)
  })
})
