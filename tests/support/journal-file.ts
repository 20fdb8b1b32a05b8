import { z } from 'zod'
import type { StoredFileSpec } from '../../src/main/store/open-stored-file'
import { currentSchemaVersion } from '../../src/main/store/schema'

/** A data file whose only job is to record every acknowledged write, for crash tests. */
export const journalSchema = z.object({
  schemaVersion: z.literal(currentSchemaVersion),
  entries: z.array(z.number()),
})
export type Journal = z.infer<typeof journalSchema>

export const journalSpec: StoredFileSpec<Journal> = {
  relPath: 'journal.json',
  label: 'the test journal',
  schema: journalSchema,
  defaults: () => ({ schemaVersion: currentSchemaVersion, entries: [] }),
}

/** The font size the crash writer stores in library.json after journal entry `entry`. */
export function fontSizeForEntry(entry: number): number {
  return 14 + (entry % 10)
}

/** The document the crash writer annotates: the bundled article. */
export const crashDocumentId = 'europol-warns-about-e2ee'

/** The passage the crash writer highlights in round `entry`: spread over the article's start. */
export function passageForEntry(entry: number): { start: number; end: number } {
  const start = (entry * 97) % 3000
  return { start, end: start + 24 }
}
