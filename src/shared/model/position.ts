/** What an actor is. */
export type ActorKind = 'organisation' | 'person' | 'body'

/** Someone who holds a view in a document: a person, an organisation, or a body like a parliament. */
export interface Actor {
  readonly id: string
  readonly name: string
  readonly kind: ActorKind
  /** Their role as the document gives it: "head of the BSI", "Federal Digital Minister". */
  readonly role: string
}

/** Where an actor stands on the document's topic. */
export type Stance = 'for' | 'against' | 'mixed' | 'neutral'

/** A view an actor holds, backed by the passages that state it. */
export interface Position {
  readonly id: string
  readonly actorId: string
  readonly stance: Stance
  /** One sentence: what the actor wants or says. */
  readonly summary: string
  /** Highlight ids of the passages that state it. */
  readonly evidence: readonly string[]
  readonly createdAt: string
  readonly updatedAt: string
}

/** A document's key positions. */
export interface DocumentPositions {
  /** What the positions are about: "end-to-end encryption". */
  readonly topic: string
  readonly actors: readonly Actor[]
  readonly positions: readonly Position[]
}

/** A statement the extractor found: who said what, with which verb, where. */
export interface StatementSuggestion {
  /** Stable for the same text: the statement's offsets. */
  readonly id: string
  readonly speaker: string
  /** The speaker's role when the sentence gives one ("head of the BSI"). */
  readonly role: string
  readonly verb: string
  readonly statement: string
  readonly start: number
  readonly end: number
}
