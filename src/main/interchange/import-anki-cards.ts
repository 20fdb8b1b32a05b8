import { createHash } from 'node:crypto'
import {
  ankiNoteToContent,
  readAnkiText,
  type AnkiTextNote,
} from '../../shared/export/read-anki-text'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type { AnkiImportReport, CardContent } from '../../shared/model'
import type { CardService } from '../services/card-service'
import { cardSchema } from '../store/schema'

type Failure = 'invalid-file' | 'not-found' | 'invalid-card' | 'storage-failed' | 'read-only'

/** The longest card field the store's `cardSchema` keeps, quoted in the sentence of a refusal. */
export const maxCardFieldLength = 20_000

/** A time of the right shape for checking a card against the schema; the service sets the real one. */
const someTime = '2000-01-01T00:00:00.000Z'

/**
 * Imports notes from an Anki text export as cards of one document. A note's GUID becomes the card
 * id (Lectern's own exports round-trip exactly); a note without one gets an id from its content,
 * so importing the same file again updates instead of duplicating. Each row stands alone: one the
 * store could not keep (a field over 20,000 characters) is left out with the line and a sentence,
 * and the others are imported. Every card is checked against the store's own card schema first.
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
    const made = keepableCard(note, documentId)
    if (typeof made === 'string') skipped.push({ line: note.line, reason: made })
    else found.set(made.id, made.content)
  }
  if (found.size === 0) return ok({ created: 0, updated: 0, skipped })
  const saved = await cards.upsertMany(
    documentId,
    [...found].map(([id, content]) => ({ id, content })),
  )
  return saved.ok ? ok({ ...saved.value, skipped }) : saved
}

/** A note as a card the store will read back, or why it cannot be one. */
function keepableCard(
  note: AnkiTextNote,
  documentId: string,
): { id: string; content: CardContent } | string {
  const content = ankiNoteToContent(note)
  if (typeof content === 'string') return content
  for (const [name, value] of fieldsOf(content))
    if (value.length > maxCardFieldLength)
      return `its ${name} has ${count(value.length)} characters; Lectern keeps at most ${count(maxCardFieldLength)} per field.`
  const id = cardIdFor(note.guid, note.fields)
  const checked = cardSchema.safeParse({
    id,
    documentId,
    highlightId: null,
    content,
    createdAt: someTime,
    updatedAt: someTime,
  })
  if (!checked.success) return 'Lectern cannot keep this note as a card.'
  return { id, content }
}

function fieldsOf(content: CardContent): [string, string][] {
  return content.kind === 'basic'
    ? [
        ['front', content.front],
        ['back', content.back],
      ]
    : [
        ['cloze text', content.text],
        ['extra', content.extra],
      ]
}

function cardIdFor(guid: string | null, fields: readonly string[]): string {
  if (guid && /^[A-Za-z0-9-]{1,64}$/.test(guid)) return guid
  const basis = guid ?? fields.join('\x1f')
  return `anki-${createHash('sha256').update(basis).digest('hex').slice(0, 32)}`
}

function count(value: number): string {
  return value.toLocaleString('en-US')
}
