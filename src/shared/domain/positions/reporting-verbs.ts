/**
 * Verbs that attribute a statement or a view to someone, with their irregular forms. Base forms
 * get -s/-es and -ed/-d forms generated; the list covers the verbs news writing uses to report
 * speech and stances.
 */
const verbs: Record<string, readonly string[]> = {
  warn: [],
  explain: [],
  say: ['says', 'said'],
  add: [],
  write: ['writes', 'wrote'],
  emphasize: [],
  emphasise: [],
  stress: [],
  announce: [],
  'call on': ['calls on', 'called on'],
  want: [],
  demand: [],
  argue: [],
  insist: [],
  claim: [],
  believe: [],
  discuss: [],
  criticize: [],
  criticise: [],
  support: [],
  reject: [],
  oppose: [],
  urge: [],
  propose: [],
  fear: [],
  'point out': ['points out', 'pointed out'],
  deny: ['denies', 'denied'],
  admit: ['admits', 'admitted'],
  suggest: [],
  recommend: [],
  conclude: [],
  promise: [],
  plan: ['plans', 'planned'],
  welcome: [],
  complain: [],
  regret: ['regrets', 'regretted'],
  reply: ['replies', 'replied'],
  expect: [],
  'worry about': ['worries about', 'worried about'],
  defend: [],
}

function regularForms(base: string): string[] {
  const [verb, ...particle] = base.split(' ')
  const tail = particle.length > 0 ? ` ${particle.join(' ')}` : ''
  const third = /(s|sh|ch|x)$/.test(verb!) ? `${verb}es` : `${verb}s`
  const past = verb!.endsWith('e') ? `${verb}d` : `${verb}ed`
  return [base, `${third}${tail}`, `${past}${tail}`]
}

/** Every form of every reporting verb, longest first (so "calls on" wins over "calls"). */
export const reportingVerbForms: readonly string[] = Object.entries(verbs)
  .flatMap(([base, irregular]) =>
    irregular.length > 0 ? [base, ...irregular] : regularForms(base),
  )
  .sort((a, b) => b.length - a.length)

/** "is against", "are also in favour of": a stance stated with "to be". */
export const stanceCopula =
  /\b(?:is|are|was|were)\s+(?:also\s+|now\s+|still\s+)?(against|in favou?r of|opposed to)\b/

/** Verbs that take their view as a direct object: "They support the development of …". */
export const stanceVerbs =
  /^(?:support|oppose|reject|want|demand|critici[sz]e|welcome|propose|urge|call|plan|fear|recommend|regret|defend)/i
