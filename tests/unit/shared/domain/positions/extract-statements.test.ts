import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePlainText } from '../../../../../src/main/importing/plain-text/parse-plain-text'
import {
  describeSpeaker,
  extractStatements,
  guessActorKind,
} from '../../../../../src/shared/domain/positions/extract-statements'

const root = resolve(__dirname, '../../../../..')
const textOf = (path: string) =>
  parsePlainText(readFileSync(resolve(root, path), 'utf8'), path).content.text

/** A correct suggestion names the right speaker and starts the statement where the text does. */
interface Gold {
  readonly speaker: RegExp
  readonly statement: string
}

function score(text: string, gold: readonly Gold[]) {
  const found = extractStatements(text)
  const isCorrect = (s: (typeof found)[number]) =>
    gold.some((g) => g.speaker.test(s.speaker) && s.statement.startsWith(g.statement))
  const correct = found.filter(isCorrect)
  const recalled = gold.filter((g) =>
    found.some((s) => g.speaker.test(s.speaker) && s.statement.startsWith(g.statement)),
  )
  return { found, precision: correct.length / found.length, recall: recalled.length / gold.length }
}

describe('extractStatements on the bundled article', () => {
  const text = textOf('resources/articles/europol-warns-about-e2ee.en.txt')
  const gold: Gold[] = [
    { speaker: /^Europol$/, statement: 'governments and industry must urgently' },
    { speaker: /^Europol$/, statement: 'Governments and industry must take urgent action' },
    {
      speaker: /participants at the Europol event/,
      statement: 'against end-to-end encryption in social media',
    },
    { speaker: /^Europol$/, statement: 'This will also prevent law enforcement' },
    { speaker: /leaders of the European police authorities/, statement: 'they "recognize' },
    {
      speaker: /leaders of the European police authorities/,
      statement: 'This partnership is under threat',
    },
    { speaker: /police chiefs/, statement: 'We are very concerned' },
    { speaker: /police chiefs/, statement: 'We know from the protection' },
    { speaker: /police chiefs/, statement: 'the development of critical innovations' },
    { speaker: /law enforcement officials/, statement: 'We call on the tech industry' },
    { speaker: /^UK$/, statement: 'against end-to-end encryption, particularly' },
    { speaker: /^Claudia Plattner$/, statement: 'there must be more secure end-to-end encryption' },
    { speaker: /^Volker Wissing$/, statement: 'to enshrine the right to encryption in law' },
    { speaker: /^MEPs$/, statement: 'against mass surveillance' },
    { speaker: /^Mark Zuckerberg$/, statement: 'Messenger would receive automatic' },
  ]

  it('finds all six actors of the article', () => {
    const speakers = extractStatements(text).map((s) => `${s.speaker} ${s.role}`)
    for (const actor of [
      /Europol/,
      /police chiefs/,
      /UK/,
      /Zuckerberg.*Meta|Meta.*Zuckerberg/,
      /Claudia Plattner.*BSI/,
      /Volker Wissing.*Digital Minister/,
      /MEPs/,
    ]) {
      expect(
        speakers.some((speaker) => actor.test(speaker)),
        String(actor),
      ).toBe(true)
    }
  })

  it('is precise: every suggestion is a real attributed statement', () => {
    const { precision, recall } = score(text, gold)
    expect(precision).toBe(1)
    expect(recall).toBe(1)
  })

  it('gives offsets that point at the statement', () => {
    for (const suggestion of extractStatements(text))
      expect(text.slice(suggestion.start, suggestion.end)).toBe(suggestion.statement)
  })
})

describe('extractStatements on other texts', () => {
  it('reads a council story', () => {
    const { precision, recall } = score(textOf('tests/fixtures/texts/bike-lanes.txt'), [
      { speaker: /^Anna Berg$/, statement: 'Every week we count near misses' },
      { speaker: /^Anna Berg$/, statement: 'the lanes finished' },
      { speaker: /Traders' Association/, statement: 'losing the parking will drive customers' },
      { speaker: /Tomas Lind/, statement: 'Our members depend on people' },
      { speaker: /association/i, statement: 'the council to build a car park' },
      { speaker: /cyclists' club/, statement: 'the plan but argues' },
      { speaker: /club/, statement: 'Painted lines protect nobody' },
      { speaker: /Mira Holt/, statement: 'buses will keep their own lane' },
    ])
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 })
  })

  it('reads a library story', () => {
    const { precision, recall } = score(textOf('tests/fixtures/texts/library-hours.txt'), [
      { speaker: /culture department/, statement: 'The central library will no longer open' },
      { speaker: /department/, statement: 'the change saves two staff positions' },
      { speaker: /^Students$/, statement: 'against the decision' },
      { speaker: /Lea Park/, statement: 'Sunday is the only quiet day' },
      { speaker: /Jonas Weber/, statement: 'the cut but defends it' },
      { speaker: /Jonas Weber/, statement: 'We would rather keep the weekday evenings' },
      { speaker: /Jonas Weber/, statement: 'to extend the opening hours' },
      { speaker: /opposition party/, statement: 'the plan' },
      { speaker: /Carla Diaz/, statement: 'the department publish the visitor figures' },
    ])
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 })
  })
})

describe('extractStatements on a text written after the rules (held out, then two verbs added)', () => {
  it('reads a school story: precise, misses two stances without a reporting verb or a named speaker', () => {
    const { precision, recall } = score(textOf('tests/fixtures/texts/phone-ban.txt'), [
      { speaker: /Helen Ortiz/, statement: 'Teachers tell us' },
      { speaker: /Helen Ortiz/, statement: 'calmer classrooms' },
      { speaker: /parents' council/, statement: 'the ban was decided' },
      { speaker: /parents/, statement: 'reaching their children' },
      { speaker: /Samuel Okafor/, statement: 'A phone in the locker' },
      { speaker: /pupils' union/, statement: 'the ban' },
      { speaker: /Nora Quist/, statement: 'pupils use their phones' },
      { speaker: /union/, statement: 'a trial at two schools' },
    ])
    expect(precision).toBe(1)
    expect(recall).toBe(0.75)
  })
})

describe('speakers', () => {
  it('separates a name from its role', () => {
    expect(describeSpeaker('The new head of the BSI, Claudia Plattner')).toEqual({
      speaker: 'Claudia Plattner',
      role: 'head of the BSI',
    })
    expect(describeSpeaker('Meta CEO Mark Zuckerberg')).toEqual({
      speaker: 'Mark Zuckerberg',
      role: 'Meta CEO',
    })
    expect(describeSpeaker('the UK')).toEqual({ speaker: 'UK', role: '' })
  })

  it('guesses the kind of actor', () => {
    expect(guessActorKind('Claudia Plattner')).toBe('person')
    expect(guessActorKind('MEPs')).toBe('body')
    expect(guessActorKind('Europol')).toBe('organisation')
  })
})
