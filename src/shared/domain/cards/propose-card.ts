import type { CardContent } from '../../model/card'
import type { Highlight, HighlightLabel, LabelCardKind } from '../../model/highlight'
import type { DocumentPositions } from '../../model/position'
import { cardKindOfLabel } from './card-kind-of-label'
import { draftClozeFromPassage } from './draft-card'
import { actorCitingHighlight, draftPositionQuestion } from './draft-position-question'
import { draftQuestion } from './draft-question'
import { draftTermDefinition } from './draft-term-definition'

/** What a card is proposed from: a highlight's passage in its document, its note, its meaning. */
export interface CardProposalInput {
  /** The document's whole text; the passage is `text.slice(start, end)`. */
  readonly text: string
  readonly start: number
  readonly end: number
  /** The highlight's note, Markdown; empty when none. */
  readonly note: string
  /** The card its label (colour) proposes. */
  readonly cardKind: LabelCardKind
  /** The actor whose position cites the highlight, if one does. */
  readonly actorName: string | null
}

/** The card proposed first, and a draft of every kind the reader can switch to. */
export interface CardProposal {
  readonly kind: LabelCardKind
  /** The proposed card: the draft of `kind`. */
  readonly card: CardContent
  readonly drafts: Readonly<Partial<Record<LabelCardKind, CardContent>>>
}

/*
 * A highlight of three words or fewer names something ("Claudia Plattner") rather than states a
 * position: "What does Claudia Plattner want?" answered "Claudia Plattner" asks nothing, so such a
 * Key position highlight proposes the cloze that asks for the name.
 */
const maxNamingWords = 3

/**
 * The card a highlight proposes, by what its colour means: a term → definition card, "What does
 * <actor> want?", a question, or a cloze. A cloze never hides a whole sentence (see
 * `draftClozeFromPassage`); where no cloze can be made, the proposal is a question card.
 */
export function proposeCard(input: CardProposalInput): CardProposal {
  const { text, start, end, note, actorName } = input
  const cloze = draftClozeFromPassage(text, start, end)
  const question = draftQuestion(text, start, end, note)
  const drafts: Partial<Record<LabelCardKind, CardContent>> = {
    'term-definition': draftTermDefinition(text, start, end, note),
    'position-question': draftPositionQuestion(text, start, end, actorName),
    question,
    ...(cloze ? { cloze } : {}),
  }
  const kind = proposedKind(input, cloze !== null)
  return { kind, card: drafts[kind] ?? question, drafts }
}

/**
 * The card a highlight in its document proposes: its label's card kind, its note, and the actor
 * whose position cites it (from the document's positions, when they could be read).
 */
export function proposeCardForHighlight(
  highlight: Highlight,
  text: string,
  labels: readonly HighlightLabel[],
  positions: DocumentPositions | null,
): CardProposal {
  const { start, end } = highlight.selectors.position
  return proposeCard({
    text,
    start,
    end,
    note: highlight.note,
    cardKind: cardKindOfLabel(labels.find((label) => label.id === highlight.labelId)),
    actorName: actorCitingHighlight(positions, highlight.id),
  })
}

function proposedKind(input: CardProposalInput, hasCloze: boolean): LabelCardKind {
  const words = input.text.slice(input.start, input.end).split(/\s+/).filter(Boolean).length
  const kind =
    input.cardKind === 'position-question' && words <= maxNamingWords ? 'cloze' : input.cardKind
  return kind === 'cloze' && !hasCloze ? 'question' : kind
}
