import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import type { Highlight } from '../../../../src/shared/model'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'
import { seededRandom } from '../../../support/generated-text'

const documentId = 'europol-warns-about-e2ee'
const requestCount = 1_000
const burstSize = 50

describe('rapid interleaved requests from the window', () => {
  const makeDir = tempDirs()

  it(`loses nothing across ${requestCount} creates, edits and deletes sent in bursts of ${burstSize}`, async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const dispatch = createDispatch(createHandlers({ services, openExternal: async () => {} }))
    const random = seededRandom(9)
    /** What the reader expects: highlight id → note. */
    const expected = new Map<string, string>()
    let sent = 0
    while (sent < requestCount) {
      // Each burst is sent at once, without waiting, as a fast reader's clicks would be. It edits
      // or deletes only highlights that existed before it, and each of those once.
      const existing = [...expected.keys()].sort(() => random() - 0.5)
      const burst: Promise<void>[] = []
      for (let i = 0; i < burstSize && sent < requestCount; i++, sent++) {
        const roll = random()
        const target = roll < 0.6 ? undefined : existing.pop()
        if (!target) {
          const start = Math.floor(random() * 3000)
          burst.push(
            dispatch('createHighlight', {
              documentId,
              start,
              end: start + 5 + Math.floor(random() * 40),
              labelId: 'evidence',
            }).then((result) => {
              expect(result.ok).toBe(true)
              if (result.ok) expected.set((result.value as Highlight).id, '')
            }),
          )
        } else if (roll < 0.85) {
          const note = `note ${sent}`
          burst.push(
            dispatch('updateHighlight', {
              documentId,
              highlightId: target,
              changes: { note },
            }).then((result) => {
              expect(result.ok).toBe(true)
              expected.set(target, note)
            }),
          )
        } else {
          burst.push(
            dispatch('deleteHighlight', { documentId, highlightId: target }).then((result) => {
              expect(result.ok).toBe(true)
              expected.delete(target)
            }),
          )
        }
      }
      await Promise.all(burst)
    }
    const notesIn = async (load: typeof services.annotations.load) => {
      const loaded = await load.call(services.annotations, documentId)
      if (!loaded.ok) throw new Error('highlights unreadable')
      return new Map(loaded.value.highlights.map((h) => [h.id, h.note]))
    }
    expect(expected.size).toBeGreaterThan(100)
    expect(await notesIn(services.annotations.load)).toEqual(expected)
    await services.store.close()
    const reopened = await servicesOn(dataDir)
    const onDisk = await reopened.annotations.load(documentId)
    if (!onDisk.ok) throw new Error('highlights unreadable after restart')
    expect(new Map(onDisk.value.highlights.map((h) => [h.id, h.note]))).toEqual(expected)
  }, 60_000)
})
