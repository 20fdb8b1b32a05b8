import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import { ReviewLog } from '../../../../src/main/services/review-log'
import { createServices, type Services } from '../../../../src/main/services/create-services'
import { tempFileSuffix } from '../../../../src/main/store/durable-json-adapter'
import type { StoreFs } from '../../../../src/main/store/store-fs'
import { faultCodes, FaultyFs } from '../../../support/faulty-fs'
import { resourcesDir } from '../../../support/services'

// Every step of every save of four everyday actions fails once, with each of three errors.
// After each fault: the disk holds the old state or the new one, the app holds what it told the
// reader, the reader was told in words, and the same action succeeds once the fault is gone.

const documentId = 'europol-warns-about-e2ee'

interface Fixture {
  highlightId: string
  cardId: string
}

/** One action as the window sends it. */
interface Action {
  readonly name: string
  readonly request: (fixture: Fixture) => [string, unknown]
}

const actions: Action[] = [
  {
    name: 'create a highlight',
    request: () => ['createHighlight', { documentId, start: 400, end: 460, labelId: 'evidence' }],
  },
  {
    name: 'write a note',
    request: ({ highlightId }) => [
      'updateHighlight',
      { documentId, highlightId, changes: { note: 'Europol wants **access**.' } },
    ],
  },
  {
    name: 'delete a highlight',
    request: ({ highlightId }) => ['deleteHighlight', { documentId, highlightId }],
  },
  {
    name: 'grade a card',
    request: ({ cardId }) => [
      'gradeCard',
      { documentId, cardId, variant: 'forward', grade: 'good' },
    ],
  },
]

/** What the reader can see of the library: highlights, notes, cards, schedules, reviews. */
async function visibleState(services: Services) {
  const highlights = await services.annotations.load(documentId)
  const cards = await services.cards.list(documentId)
  const reviews = await new ReviewLog(services.store).entries()
  return {
    highlights: highlights.ok
      ? highlights.value.highlights.map(({ selectors, labelId, note, tags }) => ({
          selectors,
          labelId,
          note,
          tags,
        }))
      : highlights,
    cards: cards.ok ? cards.value.map(({ card, items }) => ({ card, items })) : cards,
    reviews: reviews.map(({ cardId, variant, grade }) => ({ cardId, variant, grade })),
  }
}

function servicesOver(dataDir: string, fs?: StoreFs): Promise<Services> {
  return createServices({
    dataDir,
    resourcesDir,
    seedStudyMaterial: false,
    now: () => new Date('2026-11-28T09:00:00.000Z'),
    ...(fs ? { fs } : {}),
  })
}

describe('a fault at any step of a save', () => {
  const root = join(tmpdir(), `lectern-faults-${process.pid}`)
  const base = join(root, 'base')
  let fixture: Fixture
  let runs = 0
  let injected = 0

  beforeAll(async () => {
    const services = await servicesOver(base)
    const highlight = await services.annotations.create({
      documentId,
      start: 100,
      end: 160,
      labelId: 'key-position',
    })
    if (!highlight.ok) throw new Error('fixture highlight')
    await services.annotations.update(documentId, highlight.value.id, { note: 'First note' })
    const card = await services.cards.create(documentId, highlight.value.id, {
      kind: 'basic',
      front: 'Who warns about end-to-end encryption?',
      back: 'Europol',
      isReversible: false,
    })
    if (!card.ok) throw new Error('fixture card')
    fixture = { highlightId: highlight.value.id, cardId: card.value.id }
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
    console.info(`fault injection: ${injected} faults injected over ${runs} saves`)
  })

  /** A fresh copy of the base library with the services, the window's dispatch and the trap. */
  async function freshLibrary(name: string) {
    const dataDir = await mkdtemp(join(root, `${name}-`))
    await cp(base, dataDir, { recursive: true })
    const faulty = new FaultyFs(dataDir)
    const services = await servicesOver(dataDir, faulty.fs)
    const dispatch: Dispatch = createDispatch(
      createHandlers({ services, openExternal: async () => undefined }),
      () => undefined,
    )
    return { dataDir, faulty, services, dispatch }
  }

  describe.each(actions)('$name', (action) => {
    it('keeps the old or the new state, says so, and saves once the fault is gone', async () => {
      // A clean run gives the steps of the save and the state it leads to.
      const clean = await freshLibrary('clean')
      const before = await visibleState(clean.services)
      clean.faulty.arm(-1)
      const [name, args] = action.request(fixture)
      expect(await clean.dispatch(name, args)).toMatchObject({ ok: true })
      const steps = [...clean.faulty.steps]
      const after = await visibleState(clean.services)
      expect(after).not.toEqual(before)
      expect(steps.length).toBeGreaterThanOrEqual(5)

      for (let step = 0; step < steps.length; step++) {
        for (const code of faultCodes) {
          const where = `${code} at step ${step} (${steps[step]})`
          const library = await freshLibrary('fault')
          library.faulty.arm(step, code)
          const result = await library.dispatch(name, args)
          library.faulty.disarm()
          runs++
          injected += library.faulty.injected
          const told = result.ok ? after : before
          if (!result.ok) {
            expect(result.error.message, where).toMatch(
              /^Lectern could not save .+ because (the disk is full|the disk reported an error|Lectern is not allowed to write to its data folder)\. Nothing was changed\.$/,
            )
          }
          expect(await visibleState(library.services), `${where}: the app`).toEqual(told)
          const reopened = await servicesOver(library.dataDir)
          expect(await visibleState(reopened), `${where}: the disk`).toEqual(told)
          if (!result.ok) {
            expect(await library.dispatch(name, args), `${where}: retry`).toMatchObject({
              ok: true,
            })
            expect(await visibleState(library.services), `${where}: after retry`).toEqual(after)
          }
          await rm(library.dataDir, { recursive: true, force: true })
        }
      }
      await rm(clean.dataDir, { recursive: true, force: true })
    }, 120_000)
  })

  it('leaves no temp file behind, and sweeps stale ones at start', async () => {
    const library = await freshLibrary('sweep')
    const stale = join(
      library.dataDir,
      'documents',
      documentId,
      `annotations.json.1-x${tempFileSuffix}`,
    )
    await cp(join(library.dataDir, 'library.json'), stale)
    await servicesOver(library.dataDir)
    const names = await readdir(join(library.dataDir, 'documents', documentId))
    expect(names.filter((n) => n.endsWith(tempFileSuffix))).toEqual([])
  })
})

describe('a file the disk will not give back', () => {
  const root = join(tmpdir(), `lectern-read-faults-${process.pid}`)
  afterAll(() => rm(root, { recursive: true, force: true }))

  it.each(faultCodes)(
    'with %s: the reader is told in words, nothing is set aside or replaced, and it opens once the disk recovers',
    async (code) => {
      const dataDir = join(root, code)
      const first = await servicesOver(dataDir)
      await first.annotations.create({ documentId, start: 10, end: 50, labelId: 'evidence' })
      await first.store.close()
      const path = join(dataDir, 'documents', documentId, 'annotations.json')
      const before = await readFile(path)

      const faulty = new FaultyFs(dataDir)
      const services = await servicesOver(dataDir, faulty.fs)
      const dispatch = createDispatch(
        createHandlers({ services, openExternal: async () => undefined }),
        () => undefined,
      )
      faulty.failingReads = { pathEnd: 'annotations.json', code }
      const refused = await dispatch('openDocument', { documentId })
      expect(refused).toMatchObject({ ok: false, error: { code: 'storage-failed' } })
      if (!refused.ok)
        expect(refused.error.message).toMatch(
          /^Lectern could not read or save your data because .+\. Nothing was changed\.$/,
        )
      expect(
        await dispatch('createHighlight', { documentId, start: 60, end: 90, labelId: 'evidence' }),
      ).toMatchObject({ ok: false, error: { code: 'storage-failed' } })
      expect(await readFile(path)).toEqual(before)
      const names = await readdir(join(dataDir, 'documents', documentId))
      expect(names.filter((name) => name.includes('corrupt'))).toEqual([])

      faulty.failingReads = null
      const opened = await dispatch('openDocument', { documentId })
      expect(opened).toMatchObject({ ok: true })
    },
  )
})
