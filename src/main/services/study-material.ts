import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { DataStore } from '../store/data-store'
import { actorSchema, cardSchema, documentIdPattern } from '../store/schema'
import type { AnnotationService } from './annotation-service'
import type { CardService } from './card-service'
import type { PositionService } from './position-service'

const materialSchema = z.object({
  documentId: z.string(),
  topic: z.string(),
  actors: z.array(actorSchema),
  positions: z.array(
    z.object({
      id: z.string(),
      actorId: z.string(),
      stance: z.enum(['for', 'against', 'mixed', 'neutral']),
      summary: z.string(),
      evidence: z.array(z.string().min(1)).min(1),
    }),
  ),
  cards: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      evidence: z.string().min(1),
      content: cardSchema.shape.content,
    }),
  ),
})

/** The bundled study material of a document: its key positions and a starter deck. */
export type StudyMaterial = z.infer<typeof materialSchema>

/** Reads resources/study/<documentId>.json, or null when the document has none. */
export async function readStudyMaterial(
  resourcesDir: string,
  documentId: string,
): Promise<StudyMaterial | null> {
  // Only a real document id names a file here: never a path out of resources/study/.
  if (!documentIdPattern.test(documentId)) return null
  try {
    return materialSchema.parse(
      JSON.parse(await readFile(join(resourcesDir, 'study', `${documentId}.json`), 'utf8')),
    )
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/**
 * Sets up a document's bundled positions and cards once, through the ordinary services: every
 * quoted passage is found by anchoring it against the imported text (never by stored offsets)
 * and highlighted; a quote that cannot be found is an error in the material.
 */
export async function applyStudyMaterial(deps: {
  readonly store: DataStore
  readonly annotations: AnnotationService
  readonly positions: PositionService
  readonly cards: CardService
  readonly material: StudyMaterial
}): Promise<void> {
  const { store, annotations, positions, cards, material } = deps
  const documentId = material.documentId
  if (store.library.isReadOnly || store.library.data.importedStudyMaterial.includes(documentId))
    return
  const highlightOf = new Map<string, string>()
  // Set-up may have run before and been cut short (or the note that it ran was lost with a
  // damaged library.json): a passage already highlighted is reused, never highlighted twice.
  const loaded = await annotations.load(documentId)
  const existing = loaded.ok ? loaded.value.highlights : []
  const highlight = async (quote: string): Promise<string> => {
    const known = highlightOf.get(quote)
    if (known) return known
    const span = await positions.locate(documentId, quote)
    if (!span)
      throw new Error(`Bundled study material: “${quote}” is not in the text of ${documentId}`)
    const same = existing.find(
      (h) =>
        h.selectors.position.start === span.start &&
        h.selectors.position.end === span.end &&
        h.status === 'anchored',
    )
    if (same) {
      highlightOf.set(quote, same.id)
      return same.id
    }
    const created = await annotations.create({ documentId, ...span, labelId: 'key-position' })
    if (!created.ok) throw new Error(created.error.message)
    highlightOf.set(quote, created.value.id)
    return created.value.id
  }
  const must = <T>(
    result: { ok: true; value: T } | { ok: false; error: { message: string } },
  ): T => {
    if (!result.ok) throw new Error(`Bundled study material: ${result.error.message}`)
    return result.value
  }
  must(await positions.setTopic(documentId, material.topic))
  const actorIds = new Map<string, string>()
  for (const actor of material.actors)
    actorIds.set(actor.id, must(await positions.addActor(documentId, actor)).id)
  for (const position of material.positions) {
    const evidence: string[] = []
    for (const quote of position.evidence) evidence.push(await highlight(quote))
    must(
      await positions.savePosition(documentId, {
        ...position,
        actorId: actorIds.get(position.actorId) ?? position.actorId,
        evidence,
      }),
    )
  }
  for (const card of material.cards) {
    must(
      await cards.upsert(
        documentId,
        `bundle-${card.id}`,
        await highlight(card.evidence),
        card.content,
      ),
    )
  }
  await store.library.update((library) => {
    library.importedStudyMaterial.push(documentId)
  })
}
