import type { Card, CardContent } from '../model'

/** Anki's stock note types, by the names Anki gives them. */
export const ankiNoteTypes = {
  basic: 'Basic',
  reversible: 'Basic (and reversed card)',
  cloze: 'Cloze',
} as const

/** A card with what Anki needs besides its content. */
export interface AnkiExportCard {
  readonly card: Card
  /** Deck name; `::` separates parent and child decks. */
  readonly deck: string
  readonly tags: readonly string[]
}

/** The note type of a card's content in Anki. */
export function ankiNoteType(content: CardContent): string {
  if (content.kind === 'cloze') return ankiNoteTypes.cloze
  return content.isReversible ? ankiNoteTypes.reversible : ankiNoteTypes.basic
}

/** A card's fields in the order of its Anki note type (Front, Back / Text, Back Extra). */
export function ankiFields(content: CardContent): [string, string] {
  return content.kind === 'cloze' ? [content.text, content.extra] : [content.front, content.back]
}

/** A deck name for a document's cards: its title under a "Lectern" parent deck. */
export function ankiDeckName(title: string): string {
  return `Lectern::${title.replace(/::/g, ':').replace(/\s+/g, ' ').trim() || 'Untitled'}`
}

/** An Anki tag: no spaces (Anki splits tags on them). */
export function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_')
}

/**
 * Cards in Anki's text import format ("Notes in Plain Text"), with the file headers Anki reads:
 * tab separator, HTML fields, and columns for GUID, note type, deck and tags, so importing the
 * file again updates the notes instead of duplicating them.
 */
export function toAnkiText(cards: readonly AnkiExportCard[]): string {
  const header = [
    '#separator:tab',
    '#html:true',
    '#guid column:1',
    '#notetype column:2',
    '#deck column:3',
    '#tags column:6',
  ]
  const rows = cards.map(({ card, deck, tags }) =>
    [
      card.id,
      ankiNoteType(card.content),
      deck,
      ...ankiFields(card.content).map(textToAnkiHtml),
      tags.map(ankiTag).join(' '),
    ]
      .map(quoteField)
      .join('\t'),
  )
  return `${[...header, ...rows].join('\n')}\n`
}

/** Plain text as an Anki HTML field: markup characters escaped, line breaks as `<br>`. */
export function textToAnkiHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>')
}

/** A field quoted the way Anki's own export quotes it: only when it has to be. */
function quoteField(field: string): string {
  return /[\t\n\r"]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field
}
