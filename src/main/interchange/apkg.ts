import { createHash } from 'node:crypto'
import { zipSync, strToU8 } from 'fflate'
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js'
import { variantsOf } from '../../shared/domain/cards/variants'
import {
  ankiFields,
  ankiNoteType,
  ankiNoteTypes,
  ankiTag,
  textToAnkiHtml,
  type AnkiExportCard,
} from '../../shared/export/anki-text'
import { ankiSchema } from './apkg-schema'
import { ankiModels, modelIds } from './apkg-models'

let sqlJs: Promise<SqlJsStatic> | null = null

/** sql.js (SQLite compiled to WebAssembly), loaded once; it finds its .wasm beside itself. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs()
  return sqlJs
}

/**
 * An Anki package (`.apkg`, the collection format Anki 2.1 imports): a zip of a SQLite
 * `collection.anki2` with Basic, Basic (and reversed card) and Cloze note types, one deck per
 * document, tags, and each note's GUID = its Lectern card id, so importing again updates notes.
 * Cards arrive as new: Lectern's FSRS history does not map onto Anki's scheduler fields.
 */
export async function buildApkg(cards: readonly AnkiExportCard[], now: Date): Promise<Uint8Array> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  try {
    db.exec(ankiSchema)
    const seconds = Math.floor(now.getTime() / 1000)
    const decks = deckIds(cards)
    insertCollection(db, seconds, decks)
    let nextNoteId = now.getTime()
    let nextCardId = now.getTime()
    let position = 0
    for (const { card, deck, tags } of cards) {
      const noteId = nextNoteId++
      const fields = ankiFields(card.content).map(textToAnkiHtml)
      const sortField = stripHtml(fields[0]!)
      db.run('INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)', [
        noteId,
        card.id,
        modelIds[ankiNoteType(card.content) as keyof typeof modelIds],
        seconds,
        -1,
        tags.length > 0 ? ` ${tags.map(ankiTag).join(' ')} ` : '',
        fields.join('\x1f'),
        sortField,
        fieldChecksum(sortField),
        0,
        '',
      ])
      position++
      for (const ord of cardOrdinals(card.content)) {
        db.run('INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', [
          nextCardId++,
          noteId,
          decks.get(deck)!,
          ord,
          seconds,
          -1,
          0, // type: new
          0, // queue: new
          position,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          '',
        ])
      }
    }
    return zipSync({ 'collection.anki2': db.export(), media: strToU8('{}') })
  } finally {
    db.close()
  }
}

/** Which templates a note makes cards from: 0 (and 1 reversed), or cloze number − 1. */
function cardOrdinals(content: AnkiExportCard['card']['content']): number[] {
  if (content.kind === 'basic') return content.isReversible ? [0, 1] : [0]
  return variantsOf(content).map((variant) => Number(variant.slice(1)) - 1)
}

function deckIds(cards: readonly AnkiExportCard[]): Map<string, number> {
  const names = [...new Set(cards.map((card) => card.deck))].sort()
  return new Map(names.map((name, index) => [name, 1_700_000_000_000 + index + 1]))
}

function insertCollection(db: Database, seconds: number, decks: Map<string, number>): void {
  const deckRecords: Record<string, unknown> = { '1': deck(1, 'Default', seconds) }
  for (const [name, id] of decks) deckRecords[String(id)] = deck(id, name, seconds)
  const firstDeck = decks.values().next().value ?? 1
  db.run('INSERT INTO col VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)', [
    1,
    seconds,
    seconds * 1000,
    seconds * 1000,
    11,
    0,
    0,
    0,
    JSON.stringify({
      activeDecks: [1],
      addToCur: true,
      collapseTime: 1200,
      curDeck: firstDeck,
      curModel: String(modelIds[ankiNoteTypes.basic]),
      dueCounts: true,
      estTimes: true,
      newBury: true,
      newSpread: 0,
      nextPos: 1,
      sortBackwards: false,
      sortType: 'noteFld',
      timeLim: 0,
    }),
    JSON.stringify(ankiModels(seconds, firstDeck)),
    JSON.stringify(deckRecords),
    JSON.stringify({ '1': deckOptions() }),
    '{}',
  ])
}

function deck(id: number, name: string, seconds: number): Record<string, unknown> {
  return {
    id,
    name,
    mod: seconds,
    usn: -1,
    desc: '',
    dyn: 0,
    conf: 1,
    collapsed: false,
    extendNew: 10,
    extendRev: 50,
    lrnToday: [0, 0],
    newToday: [0, 0],
    revToday: [0, 0],
    timeToday: [0, 0],
  }
}

function deckOptions(): Record<string, unknown> {
  return {
    id: 1,
    name: 'Default',
    mod: 0,
    usn: 0,
    autoplay: true,
    maxTaken: 60,
    replayq: true,
    timer: 0,
    new: {
      bury: true,
      delays: [1, 10],
      initialFactor: 2500,
      ints: [1, 4, 7],
      order: 1,
      perDay: 20,
      separate: true,
    },
    rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  }
}

function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the sort field, as a number. */
function fieldChecksum(text: string): number {
  return parseInt(createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8), 16)
}
