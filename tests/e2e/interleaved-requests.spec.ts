import { createServices } from '../../src/main/services/create-services'
import type { LecternApi } from '../../src/shared/ipc/contract'
import { join, resolve } from 'node:path'
import { test, expect } from './support/lectern'

// A fast reader's window: 1,000 creates, note edits and deletes sent from the page in bursts of
// 50 without waiting, through the same bridge and contract the app uses. Nothing may be lost.

test.use({ studyMaterial: false })

test('1,000 interleaved requests from the window lose nothing', async ({ launch, dataDir }) => {
  const page = await launch()
  await expect(page.locator('article h1')).toBeVisible()
  const expected = await page.evaluate(async () => {
    const documentId = 'europol-warns-about-e2ee'
    const lectern = (window as unknown as { lectern: LecternApi }).lectern
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const notes = new Map<string, string>()
    let sent = 0
    while (sent < 1000) {
      const existing = [...notes.keys()].sort(() => random() - 0.5)
      const burst: Promise<unknown>[] = []
      for (let i = 0; i < 50 && sent < 1000; i++, sent++) {
        const roll = random()
        const target = roll < 0.6 ? undefined : existing.pop()
        if (!target) {
          const start = Math.floor(random() * 3000)
          burst.push(
            lectern
              .createHighlight({ documentId, start, end: start + 12, labelId: 'evidence' })
              .then((result) => {
                if (!result.ok) throw new Error(result.error.message)
                notes.set(result.value.id, '')
              }),
          )
        } else if (roll < 0.85) {
          const note = `note ${sent}`
          burst.push(
            lectern
              .updateHighlight({ documentId, highlightId: target, changes: { note } })
              .then((result) => {
                if (!result.ok) throw new Error(result.error.message)
                notes.set(target, note)
              }),
          )
        } else {
          burst.push(
            lectern.deleteHighlight({ documentId, highlightId: target }).then((result) => {
              if (!result.ok) throw new Error(result.error.message)
              notes.delete(target)
            }),
          )
        }
      }
      await Promise.all(burst)
    }
    return [...notes]
  })
  expect(expected.length).toBeGreaterThan(100)

  // What a restart reads from disk is exactly what the window was told.
  const restarted = await createServices({
    dataDir,
    resourcesDir: join(resolve(__dirname, '../..'), 'resources'),
    seedStudyMaterial: false,
  })
  const loaded = await restarted.annotations.load('europol-warns-about-e2ee')
  if (!loaded.ok) throw new Error('unreadable')
  expect(new Map(loaded.value.highlights.map((h) => [h.id, h.note]))).toEqual(new Map(expected))
  await page.reload()
  await expect(page.locator('article h1')).toBeVisible()
})
