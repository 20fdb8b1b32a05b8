import { ankiNoteTypes } from '../../shared/export/anki-text'

/** Fixed note type ids, so every export from Lectern uses the same three note types in Anki. */
export const modelIds = {
  [ankiNoteTypes.basic]: 1_731_000_000_001,
  [ankiNoteTypes.reversible]: 1_731_000_000_002,
  [ankiNoteTypes.cloze]: 1_731_000_000_003,
} as const

const css =
  '.card { font-family: Georgia, serif; font-size: 20px; text-align: left; }\n.cloze { font-weight: bold; color: #1f5fa8; }'
const answerRule = '{{FrontSide}}\n\n<hr id=answer>\n\n'

/** The note types (Anki calls them models) of an exported collection, keyed by id. */
export function ankiModels(seconds: number, deckId: number): Record<string, unknown> {
  const model = (
    name: string,
    type: 0 | 1,
    fieldNames: readonly string[],
    templates: readonly { name: string; qfmt: string; afmt: string }[],
  ) => ({
    id: modelIds[name as keyof typeof modelIds],
    name,
    type,
    mod: seconds,
    usn: -1,
    sortf: 0,
    did: deckId,
    flds: fieldNames.map((fieldName, ord) => ({
      name: fieldName,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      media: [],
    })),
    tmpls: templates.map((template, ord) => ({
      ...template,
      ord,
      did: null,
      bqfmt: '',
      bafmt: '',
    })),
    css,
    latexPre: '\\documentclass[12pt]{article}\n\\begin{document}\n',
    latexPost: '\\end{document}',
    tags: [],
    vers: [],
    req: templates.map((_, ord) => [ord, 'any', [ord]]),
  })
  const models = [
    model(
      ankiNoteTypes.basic,
      0,
      ['Front', 'Back'],
      [{ name: 'Card 1', qfmt: '{{Front}}', afmt: `${answerRule}{{Back}}` }],
    ),
    model(
      ankiNoteTypes.reversible,
      0,
      ['Front', 'Back'],
      [
        { name: 'Card 1', qfmt: '{{Front}}', afmt: `${answerRule}{{Back}}` },
        { name: 'Card 2', qfmt: '{{Back}}', afmt: `${answerRule}{{Front}}` },
      ],
    ),
    model(
      ankiNoteTypes.cloze,
      1,
      ['Text', 'Back Extra'],
      [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }],
    ),
  ]
  return Object.fromEntries(models.map((entry) => [String(entry.id), entry]))
}
