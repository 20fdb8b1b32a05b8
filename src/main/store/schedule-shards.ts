/** Schedules are spread over this many shard files per document. */
export const scheduleShardCount = 32

/** The shard ("00"–"1f") a card's schedules are kept in: FNV-1a of its id. */
export function scheduleShardOf(cardId: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < cardId.length; i++) {
    hash ^= cardId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return (hash % scheduleShardCount).toString(16).padStart(2, '0')
}
