import type { CardContent, StudyVariant } from '../../model/card'
import { clozeNumbers } from '../cloze/cloze'

/** The study items of a card: front (and back) of a basic card, each cloze number of a cloze. */
export function variantsOf(content: CardContent): StudyVariant[] {
  if (content.kind === 'basic') return content.isReversible ? ['forward', 'reverse'] : ['forward']
  return clozeNumbers(content.text).map((number): StudyVariant => `c${number}`)
}

/** Why a card cannot be saved as it is, in the reader's words; null when it can. */
export function problemWithCard(content: CardContent): string | null {
  if (content.kind === 'basic') {
    if (!content.front.trim()) return 'The card needs a question on its front.'
    if (!content.back.trim()) return 'The card needs an answer on its back.'
    return null
  }
  if (variantsOf(content).length === 0)
    return 'A cloze card needs at least one deletion, like {{c1::this}}.'
  return null
}

/** The key of a study item inside its document's cards file. */
export function itemKey(cardId: string, variant: StudyVariant): string {
  return `${cardId}:${variant}`
}
