import {
  defaultHighlightLabels,
  type HighlightLabel,
  type LabelCardKind,
} from '../../model/highlight'

/** What each card kind is called where the reader chooses it. */
export const cardKindNames: Record<LabelCardKind, string> = {
  cloze: 'Cloze',
  'term-definition': 'Term → definition',
  'position-question': 'What does the actor want?',
  question: 'Question',
}

/**
 * The card a label's highlights propose: the one the reader chose, else the built-in label's
 * (a library from before card kinds has none stored), else a cloze.
 */
export function cardKindOfLabel(label: HighlightLabel | undefined): LabelCardKind {
  if (!label) return 'cloze'
  return (
    label.cardKind ??
    defaultHighlightLabels.find((builtIn) => builtIn.id === label.id)?.cardKind ??
    'cloze'
  )
}
