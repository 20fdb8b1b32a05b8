import { createHash } from 'node:crypto'
import { ankiNoteToContent, readAnkiText } from '../../shared/export/read-anki-text'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { AnkiImportReport, CardContent } from '../../shared/model'
import type { CardService } from '../services/card-service'

type Failure = 'invalid-file' | 'not-found' | 'invalid-card' | 'storage-failed' | 'read-only'

/**
 * Imports notes from an Anki text export as cards of one document. A note's GUID becomes the card
 * id (Lectern's own exports round-trip exactly); a note without one gets an id from its content,
 * so importing the same file again updates instead of duplicating.
 */
export async function importAnkiTextFile(
  cards: CardService,
  documentId: string,
  text: string,
): Promise<Result<AnkiImportReport, Failure>> {
  const file = readAnkiText(text)
  if (file.notes.length === 0 && file.problems.length === 0)
    return fail('invalid-file', 'This file holds no Anki notes.')
  const skipped = file.problems.map((problem) => ({ line: problem.line, reason: problem.message }))
  const found = new Map<string, CardContent>()
  for (const note of file.notes) {
    const content = ankiNoteToContent(note)
    if (typeof content === 'string') skipped.push({ line: note.line, reason: content })
    else found.set(cardIdFor(note.guid, note.fields), content)
  }
  if (found.size === 0) return ok({ created: 0, updated: 0, skipped })
  const saved = await cards.upsertMany(
    documentId,
    [...found].map(([id, content]) => ({ id, content })),
  )
  return saved.ok ? ok({ ...saved.value, skipped }) : saved
}

function cardIdFor(guid: string | null, fields: readonly string[]): string {
  if (guid && /^[A-Za-z0-9-]{1,64}$/.test(guid)) return guid
  const basis = guid ?? fields.join('\x1f')
  return `anki-${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`
}
