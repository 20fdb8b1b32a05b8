import { strFromU8, strToU8, unzipSync } from 'fflate'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadSqlJs } from '../../../../src/main/interchange/apkg'
import { importAnkiTextFile } from '../../../../src/main/interchange/import-anki-cards'
import { toAnkiText } from '../../../../src/shared/export/anki-text'
import { readAnkiText } from '../../../../src/shared/export/read-anki-text'
import type { Services } from '../../../../src/main/services/create-services'
import { annotateArticle, articleId } from '../../../support/annotated-library'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

async function exported(services: Services, format: 'anki-txt' | 'apkg') {
  const files = await services.exports.export(format, articleId)
  if (!files.ok) throw new Error(files.error.message)
  return files.value[0]!
}

async function cardsOf(services: Services) {
  const listed = await services.cards.list(articleId)
  if (!listed.ok) throw new Error(listed.error.message)
  return listed.value.map(({ card }) => ({ id: card.id, content: card.content }))
}

describe('Anki text export', () => {
  const makeDir = tempDirs()

  it('writes the headers Anki reads and one row per note', async () => {
    const services = await servicesOn(await makeDir())
    const { cards } = await annotateArticle(services)
    const text = strFromU8((await exported(services, 'anki-txt')).bytes)
    const lines = text.trimEnd().split('\n')
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:6',
    ])
    expect(text).toContain(
      `${cards[0]!.id}\tBasic\tLectern::Europol warns industry and governments about end-to-end encryption\tWho warns about E2EE?\tEuropol &lt;the EU police agency&gt; &amp; partners\tlectern police eu_agencies`,
    )
    expect(text).toContain(`${cards[1]!.id}\tBasic (and reversed card)\t`)
    expect(text).toContain('\tend-to-end<br>encryption\t')
    expect(text).toContain(`${cards[2]!.id}\tCloze\t`)
  })

  it('round-trips any card text through the file format', () => {
    const unit = fc.constantFrom(
      'a',
      'Z',
      ' ',
      '\t',
      '\n',
      '"',
      ';',
      ',',
      '<',
      '>',
      '&',
      'é',
      '😀',
      '#',
      '<br>',
    )
    const field = fc
      .string({ unit, maxLength: 30 })
      .filter((s) => s.trim() !== '' && s === s.trim())
    fc.assert(
      fc.property(field, field, (front, back) => {
        const card = {
          id: 'card-1',
          documentId: 'd',
          highlightId: null,
          content: { kind: 'basic' as const, front, back, isReversible: false },
          createdAt: '',
          updatedAt: '',
        }
        const read = readAnkiText(toAnkiText([{ card, deck: 'D', tags: ['t 1'] }]))
        expect(read.problems).toEqual([])
        expect(read.notes).toHaveLength(1)
        expect(read.notes[0]).toMatchObject({
          guid: 'card-1',
          noteType: 'Basic',
          deck: 'D',
          tags: ['t_1'],
        })
        expect(read.notes[0]!.fields).toEqual([front, back])
      }),
      { numRuns: 300 },
    )
  })

  it('imports its own export into another library as the same cards, and updates on re-import', async () => {
    const source = await servicesOn(await makeDir())
    await annotateArticle(source)
    const file = await exported(source, 'anki-txt')
    const target = await servicesOn(await makeDir())
    const text = strFromU8(file.bytes)
    const first = await importAnkiTextFile(target.cards, articleId, text)
    expect(first).toMatchObject({ ok: true, value: { created: 3, updated: 0, skipped: [] } })
    const sorted = (cards: Awaited<ReturnType<typeof cardsOf>>) =>
      [...cards].sort((a, b) => a.id.localeCompare(b.id))
    expect(sorted(await cardsOf(target))).toEqual(sorted(await cardsOf(source)))
    const second = await importAnkiTextFile(target.cards, articleId, text)
    expect(second).toMatchObject({ ok: true, value: { created: 0, updated: 3 } })
    expect(await cardsOf(target)).toHaveLength(3)
  })

  it('imports a hand-made Anki file, says which lines it left out, and refuses an empty one', async () => {
    const services = await servicesOn(await makeDir())
    const file = [
      '#separator:Semicolon',
      '#html:false',
      'Capital of France;Paris',
      '"A ""quoted""; front";"two',
      'lines"',
      ';no front',
      '{{c1::Cloze}} without a type;',
      '"never closed;x',
    ].join('\n')
    const result = await importAnkiTextFile(services.cards, articleId, file)
    expect(result).toMatchObject({
      ok: true,
      value: {
        created: 3,
        skipped: [
          { line: 8, reason: 'a quoted field is never closed' },
          { line: 6, reason: 'The card needs a question on its front.' },
        ],
      },
    })
    const contents = (await cardsOf(services)).map((card) => card.content)
    expect(contents).toContainEqual({
      kind: 'basic',
      front: 'A "quoted"; front',
      back: 'two\nlines',
      isReversible: false,
    })
    expect(contents).toContainEqual({
      kind: 'cloze',
      text: '{{c1::Cloze}} without a type',
      extra: '',
    })
    const empty = await importAnkiTextFile(services.cards, articleId, '#separator:tab\n')
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-file' } })
  })
  it('leaves out a row with a field over 20,000 characters, imports the others, and they survive a restart', async () => {
    const dataDir = await makeDir()
    const services = await servicesOn(dataDir)
    const file = [
      '#separator:tab',
      '#html:false',
      'Capital of France\tParis',
      `Too long\t${'b'.repeat(25_000)}`,
      `{{c1::${'c'.repeat(20_001)}}}\t`,
      'Capital of Italy\tRome',
    ].join('\n')
    const result = await importAnkiTextFile(services.cards, articleId, file)
    expect(result).toEqual({
      ok: true,
      value: {
        created: 2,
        updated: 0,
        skipped: [
          {
            line: 4,
            reason: 'its back has 25,000 characters; Lectern keeps at most 20,000 per field.',
          },
          {
            line: 5,
            reason: 'its cloze text has 20,009 characters; Lectern keeps at most 20,000 per field.',
          },
        ],
      },
    })
    const restarted = await servicesOn(dataDir, '2026-11-29T09:00:00.000Z')
    const fronts = (await cardsOf(restarted)).map((card) =>
      card.content.kind === 'basic' ? card.content.front : card.content.text,
    )
    expect(fronts.sort()).toEqual(['Capital of France', 'Capital of Italy'])
  })
})

describe('Anki package (.apkg)', () => {
  const makeDir = tempDirs()

  it('is a sound SQLite collection with the right notes, cards, fields and unique GUIDs', async () => {
    const services = await servicesOn(await makeDir())
    const { cards } = await annotateArticle(services)
    const file = await exported(services, 'apkg')
    expect(file.name).toMatch(/\.apkg$/)
    const entries = unzipSync(file.bytes)
    expect(Object.keys(entries).sort()).toEqual(['collection.anki2', 'media'])
    expect(strFromU8(entries['media']!)).toBe('{}')
    const SQL = await loadSqlJs()
    const db = new SQL.Database(entries['collection.anki2'])
    try {
      const value = (sql: string) => db.exec(sql)[0]!.values
      expect(value('PRAGMA integrity_check')).toEqual([['ok']])
      expect(value('SELECT count(*) FROM notes')).toEqual([[3]])
      // Basic: 1 card; reversible: 2; cloze with c1 and c2: 2.
      expect(value('SELECT count(*) FROM cards')).toEqual([[5]])
      expect(value('SELECT count(DISTINCT guid) FROM notes')).toEqual([[3]])
      expect(value('SELECT guid FROM notes ORDER BY id').flat()).toEqual(cards.map((c) => c.id))
      const [models, decks] = value('SELECT models, decks FROM col')[0] as [string, string]
      const modelById = JSON.parse(models) as Record<
        string,
        { name: string; type: number; flds: unknown[]; tmpls: unknown[] }
      >
      const byName = Object.fromEntries(Object.values(modelById).map((m) => [m.name, m]))
      expect(Object.keys(byName).sort()).toEqual(['Basic', 'Basic (and reversed card)', 'Cloze'])
      expect(byName['Cloze']!.type).toBe(1)
      for (const [mid, flds] of value('SELECT mid, flds FROM notes') as [number, string][])
        expect(flds.split('\x1f')).toHaveLength(modelById[String(mid)]!.flds.length)
      expect(
        Object.values(JSON.parse(decks) as Record<string, { name: string }>).map((d) => d.name),
      ).toContain('Lectern::Europol warns industry and governments about end-to-end encryption')
      expect(
        value('SELECT count(*) FROM cards WHERE did NOT IN (SELECT did FROM cards LIMIT 1)'),
      ).toEqual([[0]])
      expect(value(`SELECT tags FROM notes WHERE guid = '${cards[0]!.id}'`)).toEqual([
        [' lectern police eu_agencies '],
      ])
      expect(
        value(
          'SELECT ord FROM cards JOIN notes ON notes.id = cards.nid WHERE notes.guid = ? ORDER BY ord'.replace(
            '?',
            `'${cards[2]!.id}'`,
          ),
        ),
      ).toEqual([[0], [1]])
    } finally {
      db.close()
    }
  })

  it('keeps the GUIDs from one export to the next, so Anki updates the notes', async () => {
    const services = await servicesOn(await makeDir())
    await annotateArticle(services)
    const SQL = await loadSqlJs()
    const guids = async () => {
      const db = new SQL.Database(
        unzipSync((await exported(services, 'apkg')).bytes)['collection.anki2'],
      )
      const rows = db.exec('SELECT guid FROM notes ORDER BY guid')[0]!.values.flat()
      db.close()
      return rows
    }
    expect(await guids()).toEqual(await guids())
    void strToU8
  })
})
