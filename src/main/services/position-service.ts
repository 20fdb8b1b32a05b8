import { anchor } from '../../shared/domain/anchoring'
import { cardsForPosition, fingerprint } from '../../shared/domain/positions/position-cards'
import { extractStatements, guessActorKind } from '../../shared/domain/positions/extract-statements'
import { fail, ok, type Result } from '../../shared/ipc/result'
import type {
  Actor,
  ActorKind,
  DocumentPositions,
  Position,
  Stance,
  StatementSuggestion,
} from '../../shared/model'
import type { DataStore } from '../store/data-store'
import type { PositionsFile } from '../store/schema'
import type { AnnotationService } from './annotation-service'
import { applyChange } from './apply-change'
import type { CardService } from './card-service'

/** What the position service needs, passed in by the composition root. */
export interface PositionServiceDeps {
  readonly store: DataStore
  readonly annotations: AnnotationService
  readonly cards: CardService
  readonly now: () => string
}

type Failure =
  | 'not-found'
  | 'invalid-passage'
  | 'unknown-label'
  | 'invalid-card'
  | 'storage-failed'
  | 'read-only'

/** What the reader decides about a suggested statement before accepting it. */
export interface AcceptedStatement {
  readonly start: number
  readonly end: number
  readonly speaker: string
  readonly role: string
  readonly kind: ActorKind
  readonly stance: Stance
  readonly summary: string
}

/** The label evidence highlights get: the bundled "Key position" colour. */
const evidenceLabel = 'key-position'

/** Who holds which view in a document, backed by highlighted passages. */
export class PositionService {
  readonly #deps: PositionServiceDeps

  constructor(deps: PositionServiceDeps) {
    this.#deps = deps
  }

  /** The document's actors and positions. */
  async load(documentId: string): Promise<Result<DocumentPositions, Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    const { topic, actors, positions } = file.value.data
    return ok({ topic, actors, positions })
  }

  /** Adds an actor, or returns the one with the same name. */
  async addActor(
    documentId: string,
    input: { name: string; kind: ActorKind; role: string },
  ): Promise<Result<Actor, Failure>> {
    return this.#change(documentId, 'the new actor', (draft) => findOrAddActor(draft, input))
  }

  /** Creates a position (no id) or replaces one (with its id). */
  async savePosition(
    documentId: string,
    input: {
      id?: string
      actorId: string
      stance: Stance
      summary: string
      evidence: readonly string[]
    },
  ): Promise<Result<Position, Failure>> {
    const now = this.#deps.now()
    return this.#change(documentId, 'the position', (draft) => {
      if (!draft.actors.some((actor) => actor.id === input.actorId)) return null
      const existing = input.id ? draft.positions.find((p) => p.id === input.id) : undefined
      const position: Position = {
        id:
          existing?.id ??
          uniqueId(
            input.id ?? `${input.actorId}-${input.stance}`,
            draft.positions.map((p) => p.id),
          ),
        actorId: input.actorId,
        stance: input.stance,
        summary: input.summary,
        evidence: [...new Set(input.evidence)],
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      }
      draft.positions = [...draft.positions.filter((p) => p.id !== position.id), position]
      return position
    })
  }

  /** Sets what the positions are about ("end-to-end encryption"). */
  async setTopic(documentId: string, topic: string): Promise<Result<null, Failure>> {
    const result = await this.#change(documentId, 'the topic', (draft) => {
      draft.topic = topic.trim()
      return topic
    })
    return result.ok ? ok(null) : result
  }

  async deletePosition(documentId: string, positionId: string): Promise<Result<null, Failure>> {
    const result = await this.#change(documentId, 'the deletion', (draft) => {
      if (!draft.positions.some((p) => p.id === positionId)) return null
      draft.positions = draft.positions.filter((p) => p.id !== positionId)
      return positionId
    })
    return result.ok ? ok(null) : result
  }

  /** Statements the extractor finds that are neither rejected nor already evidence. */
  async suggestions(documentId: string): Promise<Result<StatementSuggestion[], Failure>> {
    const text = await this.#text(documentId)
    const file = await this.#file(documentId)
    if (!text.ok) return text
    if (!file.ok) return file
    const highlights = await this.#deps.annotations.load(documentId)
    const used = new Set(
      file.value.data.positions
        .flatMap((p) => p.evidence)
        .flatMap((id) => {
          const h = highlights.ok ? highlights.value.highlights.find((x) => x.id === id) : undefined
          return h ? [`${h.selectors.position.start}-${h.selectors.position.end}`] : []
        }),
    )
    const rejected = new Set(file.value.data.rejectedSuggestions)
    return ok(
      extractStatements(text.value).filter(
        (s) => !rejected.has(s.id) && !used.has(`${s.start}-${s.end}`),
      ),
    )
  }

  /** Turns a suggestion into an actor (found or new), a highlight and a position. */
  async accept(
    documentId: string,
    statement: AcceptedStatement,
  ): Promise<Result<Position, Failure>> {
    const highlight = await this.#deps.annotations.create({
      documentId,
      start: statement.start,
      end: statement.end,
      labelId: evidenceLabel,
    })
    if (!highlight.ok) return highlight
    const actor = await this.addActor(documentId, {
      name: statement.speaker,
      kind: statement.kind,
      role: statement.role,
    })
    if (!actor.ok) return actor
    return this.savePosition(documentId, {
      actorId: actor.value.id,
      stance: statement.stance,
      summary: statement.summary,
      evidence: [highlight.value.id],
    })
  }

  async reject(documentId: string, suggestionId: string): Promise<Result<null, Failure>> {
    const result = await this.#change(documentId, 'that', (draft) => {
      draft.rejectedSuggestions = [...new Set([...draft.rejectedSuggestions, suggestionId])]
      return suggestionId
    })
    return result.ok ? ok(null) : result
  }

  /** Makes (or updates) the cards of the given positions, or of all of them. */
  async makeCards(
    documentId: string,
    positionIds?: readonly string[],
  ): Promise<Result<{ cards: number }, Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    const loaded = await this.#deps.annotations.load(documentId)
    if (!loaded.ok) return loaded
    const quoteOf = (id: string) =>
      loaded.value.highlights.find((h) => h.id === id)?.selectors.quote.exact ?? null
    const { topic, actors, positions } = file.value.data
    let made = 0
    for (const position of positions.filter((p) => !positionIds || positionIds.includes(p.id))) {
      const actor = actors.find((a) => a.id === position.actorId)
      if (!actor) continue
      for (const card of cardsForPosition(position, actor, topic, quoteOf)) {
        const saved = await this.#deps.cards.upsert(
          documentId,
          card.id,
          card.highlightId,
          card.content,
        )
        if (!saved.ok) return saved
        made++
      }
    }
    return ok({ cards: made })
  }

  /** Finds a quote in the document's current text by anchoring it (exact, then fuzzy). */
  async locate(documentId: string, quote: string): Promise<{ start: number; end: number } | null> {
    const text = await this.#text(documentId)
    if (!text.ok) return null
    const found = anchor(text.value, {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: quote.length },
    })
    return found ? { start: found.start, end: found.end } : null
  }

  async #change<T>(
    documentId: string,
    what: string,
    change: (draft: PositionsFile) => T | null,
  ): Promise<Result<T, Failure>> {
    const file = await this.#file(documentId)
    if (!file.ok) return file
    return applyChange(file.value, change, what, 'That actor or position no longer exists.')
  }

  async #file(documentId: string) {
    const meta = this.#deps.store.library.data.documents.find((doc) => doc.id === documentId)
    if (!meta) return fail('not-found', 'That document is no longer in your library.')
    return ok(await this.#deps.store.positions(documentId, meta.title))
  }

  async #text(documentId: string): Promise<Result<string, 'not-found'>> {
    const meta = this.#deps.store.library.data.documents.find((doc) => doc.id === documentId)
    const content = meta ? await this.#deps.store.content(documentId, meta.title) : null
    return content ? ok(content.data.text) : fail('not-found', 'That document’s text is missing.')
  }
}

function findOrAddActor(
  draft: PositionsFile,
  input: { name: string; kind: ActorKind; role: string },
): Actor {
  const existing = draft.actors.find(
    (actor) => actor.name.toLowerCase() === input.name.trim().toLowerCase(),
  )
  if (existing) return existing
  const actor: Actor = {
    id: uniqueId(
      slug(input.name) || `actor-${fingerprint(input.name)}`,
      draft.actors.map((a) => a.id),
    ),
    name: input.name.trim(),
    kind: input.kind ?? guessActorKind(input.name),
    role: input.role.trim(),
  }
  draft.actors.push(actor)
  return actor
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48)
}

function uniqueId(base: string, taken: readonly string[]): string {
  const root = slug(base) || 'item'
  let id = root
  for (let n = 2; taken.includes(id); n++) id = `${root}-${n}`
  return id
}
