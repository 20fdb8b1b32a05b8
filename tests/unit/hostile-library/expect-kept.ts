import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { Services } from '../../../src/main/services/create-services'
import {
  checkLibraryChild,
  snapshotLibrary,
  takeSnapshot,
  type LibrarySnapshot,
} from '../../support/library-snapshot'

/** Generous for two shared cores: each test starts a few child processes. */
export const caseTimeout = 60_000

/** What the reader was told is saved: the library as the acting process reads it back. */
export async function acknowledged(services: Services, dataDir: string): Promise<LibrarySnapshot> {
  return takeSnapshot(services, dataDir)
}

/** Every acknowledged lapse in `fresh`, as sentences (empty: nothing was lost). */
export function findLosses(ack: LibrarySnapshot, fresh: LibrarySnapshot): string[] {
  const losses: string[] = []
  const freshDocs = new Map(fresh.documents.map((doc) => [doc.id, doc]))
  for (const doc of ack.documents) {
    if (!freshDocs.has(doc.id)) losses.push(`document ${doc.id} (“${doc.title}”) is not listed`)
    const freshHighlights = new Map((fresh.highlights[doc.id] ?? []).map((h) => [h.id, h]))
    for (const h of ack.highlights[doc.id] ?? []) {
      const found = freshHighlights.get(h.id)
      if (!found) losses.push(`highlight ${h.id} of ${doc.id} is gone`)
      else {
        if (found.exact !== h.exact) losses.push(`highlight ${h.id} lost its passage`)
        if (found.note !== h.note)
          losses.push(`highlight ${h.id}: note ${h.note.length} chars became ${found.note.length}`)
        if (JSON.stringify(found.tags) !== JSON.stringify(h.tags))
          losses.push(`highlight ${h.id}: tags changed`)
      }
    }
    const freshCards = new Map((fresh.cards[doc.id] ?? []).map((c) => [c.id, c]))
    for (const card of ack.cards[doc.id] ?? []) {
      const found = freshCards.get(card.id)
      if (!found) losses.push(`card ${card.id} of ${doc.id} is gone`)
      else if (JSON.stringify(found.content) !== JSON.stringify(card.content))
        losses.push(`card ${card.id} changed its words`)
    }
  }
  const freshReviews = new Set(fresh.reviewIds)
  const lostReviews = ack.reviewIds.filter((id) => !freshReviews.has(id))
  if (lostReviews.length > 0) losses.push(`${lostReviews.length} reviews are gone from the log`)
  const newlyTrashed = fresh.trash.filter((name) => !ack.trash.includes(name))
  if (newlyTrashed.length > 0) losses.push(`moved to trash: ${newlyTrashed.join(', ')}`)
  return losses
}

/** Fails with every loss listed. */
export function expectKept(ack: LibrarySnapshot, fresh: LibrarySnapshot, when: string): void {
  expect(findLosses(ack, fresh), `${when}: acknowledged work lost`).toEqual([])
}

/** Raw internals a reader must never be shown. */
const rawDump =
  /\n\s+at [^\n]+:\d+:\d+|ZodError|"code":\s*"invalid_|"expected":|\(undefined\)|\((?:E[A-Z]{2,})\)|Invalid document id|\[object Object\]/

/** A message a reader can read: not empty, no stack, no zod dump, no bare error code. */
export function expectSentence(text: string, what = 'the message'): void {
  expect(text.trim().length, `${what} is empty`).toBeGreaterThan(0)
  expect(text, `${what} shows internals`).not.toMatch(rawDump)
}

/** Names in trash/ now. */
export async function trashNames(dataDir: string): Promise<string[]> {
  return (await readdir(join(dataDir, 'trash')).catch(() => [] as string[])).sort()
}

/**
 * The next start, as the issue asks: a fresh process finds everything acknowledged and moved
 * nothing to trash/; then `lectern check` trashes nothing, does not say "No problems found"
 * after a loss, and a fresh process still finds everything.
 */
export async function expectNextStartKeeps(
  dataDir: string,
  ack: LibrarySnapshot,
  options: { seedStudyMaterial?: boolean } = {},
): Promise<{
  fresh: LibrarySnapshot
  afterCheck: LibrarySnapshot
  check: Awaited<ReturnType<typeof checkLibraryChild>>
}> {
  const fresh = await snapshotLibrary(dataDir, options)
  const losses = findLosses(ack, fresh)
  const trashBefore = await trashNames(dataDir)
  const check = await checkLibraryChild(dataDir)
  const trashAfter = await trashNames(dataDir)
  const afterCheck = await snapshotLibrary(dataDir, options)
  expect.soft(losses, 'next start: acknowledged work lost').toEqual([])
  expect(check.report, `check printed no report: ${check.err}`).not.toBeNull()
  expectSentence(check.err + check.out, 'check')
  expect(trashAfter, 'check moved folders to trash').toEqual(trashBefore)
  if (losses.length > 0)
    expect(check.report?.problems ?? [], 'check found no problem after a loss').not.toEqual([])
  expectKept(ack, afterCheck, 'after check')
  return { fresh, afterCheck, check }
}

/**
 * Highlights `count` passages of a document, spread over its text, each with a note (and tags
 * when given): what a reader does in a session. Resolves to the highlight ids.
 */
export async function highlightWithNotes(
  services: Services,
  documentId: string,
  count: number,
  noteOf: (index: number) => string = (index) => `Note ${index + 1}: why this passage matters.`,
  tagsOf: (index: number) => string[] = () => [],
): Promise<string[]> {
  const opened = await services.library.open(documentId)
  if (!opened.ok) throw new Error(opened.error.message)
  const text = opened.value.content.text
  const ids: string[] = []
  for (let index = 0; index < count; index++) {
    // Word-sized passages spread evenly, each starting at a word.
    let start = Math.floor(((index + 0.5) * text.length) / (count + 1))
    while (start > 0 && /\S/.test(text[start - 1]!)) start--
    while (start < text.length && /\s/.test(text[start]!)) start++
    const end = Math.min(text.length, start + 12)
    const made = await services.annotations.create({ documentId, start, end, labelId: 'evidence' })
    if (!made.ok) throw new Error(made.error.message)
    const noted = await services.annotations.update(documentId, made.value.id, {
      note: noteOf(index),
      tags: tagsOf(index),
    })
    if (!noted.ok) throw new Error(noted.error.message)
    ids.push(made.value.id)
  }
  return ids
}

/** Imports a file as the reader would; resolves to the result (ok or a sentence). */
export async function importBytes(
  services: Services,
  fileName: string,
  bytes: Uint8Array | string,
) {
  return services.library.importFile(
    typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
    { fileName },
  )
}
