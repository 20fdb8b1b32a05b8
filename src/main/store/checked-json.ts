import type { z } from 'zod'
import { isPlainObject, type RecordCollection } from './salvage'

/** A value that does not fit the schema that will read it: where, and why. */
export interface Misfit {
  readonly where: string
  readonly message: string
}

/** A file's content as the schema reads it, with its JSON made once. */
export interface Checked<T> {
  readonly data: T
  /** The whole file's JSON; made only when asked for (a journaled save does not need it). */
  readonly json: () => string
  /**
   * What changed against the acknowledged content, when only records changed: the records
   * added or replaced (as they will be read back) and the keys of those removed, per field.
   * Null when anything else changed, or records moved: then the whole file is written.
   */
  readonly recordChanges: RecordChanges | null
}

/** Records put (added or replaced) and removed, by collection field. */
export interface RecordChanges {
  readonly put: Readonly<
    Record<string, readonly { readonly json: string; readonly data: unknown }[]>
  >
  readonly removed: Readonly<Record<string, readonly string[]>>
}

/**
 * Checks each new content of one file against the schema that reads it, and says what changed.
 * Acknowledged records are frozen and known by identity (and, for copies, by a hash of their
 * JSON), so saving one highlight of a thousand checks one highlight, not a thousand, and the
 * change can be journaled as that one record. Everything else (the other fields, a new or changed
 * record) is parsed by the schema, defaults and all.
 */
export class CheckedJson<T> {
  readonly #schema: z.ZodType<T>
  readonly #collections: readonly RecordCollection[]
  readonly #shape: Record<string, z.ZodType> | null
  /** The JSON of every acknowledged record, by the (frozen) record itself. */
  #jsonOf = new WeakMap<object, string>()
  /** The hash of that JSON, by record (hashing a thousand records' JSON costs milliseconds). */
  #hashOf = new WeakMap<object, number>()
  /** Per collection, the hashes of the records of the last acknowledged content. */
  #known = new Map<string, Set<number>>()
  /** The JSON of the other fields of the last acknowledged content. */
  #fieldJson = new Map<string, string>()
  #pending: Pending = emptyPending()
  #isSeeded = false

  constructor(schema: z.ZodType<T>, collections: readonly RecordCollection[]) {
    this.#schema = schema
    this.#collections = collections.filter((collection) => collection.shape === 'array')
    const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape
    const checks = (schema as unknown as { _zod?: { def?: { checks?: unknown[] } } })._zod?.def
      ?.checks
    // A file-wide rule (a block inside the text, say) needs the whole file: parsed whole.
    this.#shape = shape && this.#collections.length > 0 && !checks?.length ? shape : null
  }

  /**
   * The content as it will be read back, its JSON, and what changed; or what does not fit.
   * `current` is the acknowledged content (read through the schema, or checked by the last
   * save): its records are known good the first time.
   */
  check(value: T, current: T): Checked<T> | Misfit {
    if (!this.#shape || !isPlainObject(value)) return this.#checkWhole(value)
    if (!this.#isSeeded && isPlainObject(current)) this.#seed(current)
    const data: Record<string, unknown> = {}
    const parts: (() => string)[] = []
    this.#pending = emptyPending()
    let isRecordsOnly = true
    const put: Record<string, { json: string; data: unknown }[]> = {}
    const removed: Record<string, string[]> = {}
    const keys = [...new Set([...Object.keys(value), ...Object.keys(this.#shape)])]
    for (const key of keys) {
      const fieldSchema = this.#shape[key]
      if (!fieldSchema) continue // the schema strips what it does not know
      const collection = this.#collections.find((c) => c.field === key)
      if (collection && Array.isArray(value[key])) {
        const records = this.#checkRecords(key, value[key] as unknown[], collection)
        if ('where' in records) return records
        data[key] = records.data
        parts.push(() => `${JSON.stringify(key)}:[${records.jsons.join(',')}]`)
        const before = isPlainObject(current) ? current[key] : undefined
        const changes = Array.isArray(before)
          ? changesOf(before, records.data, records.jsons, collection, this.#jsonOf)
          : null
        if (!changes) isRecordsOnly = false
        else {
          if (changes.put.length) put[key] = changes.put
          if (changes.removed.length) removed[key] = changes.removed
        }
        continue
      }
      const field = checkField(key, fieldSchema, value[key])
      if ('where' in field) return field
      if (field.data === undefined) {
        if (this.#fieldJson.has(key)) isRecordsOnly = false
        continue
      }
      data[key] = field.data
      this.#pending.fieldJson.set(key, field.json)
      if (this.#fieldJson.get(key) !== field.json) isRecordsOnly = false
      parts.push(() => `${JSON.stringify(key)}:${field.json}`)
    }
    let json: string | null = null
    return {
      data: data as T,
      json: () => (json ??= `{${parts.map((part) => part()).join(',')}}`),
      recordChanges: isRecordsOnly ? { put, removed } : null,
    }
  }

  #seed(current: Record<string, unknown>): void {
    this.#isSeeded = true
    for (const [key, value] of Object.entries(current)) {
      const collection = this.#collections.find((c) => c.field === key)
      if (!collection || !Array.isArray(value)) {
        if (value !== undefined) this.#fieldJson.set(key, JSON.stringify(value))
        continue
      }
      const hashes = new Set<number>()
      for (const record of value) {
        const json = JSON.stringify(record)
        const hash = hashOf(json)
        hashes.add(hash)
        if (isPlainObject(record)) {
          this.#jsonOf.set(deepFreeze(record), json)
          this.#hashOf.set(record, hash)
        }
      }
      this.#known.set(key, hashes)
    }
  }

  /** Makes the content just written the one known from now on; its new records are frozen. */
  acknowledge(): void {
    for (const [record, { json, hash }] of this.#pending.records) {
      this.#jsonOf.set(deepFreeze(record), json)
      this.#hashOf.set(record, hash)
    }
    for (const [key, hashes] of this.#pending.hashes) this.#known.set(key, hashes)
    this.#fieldJson = this.#pending.fieldJson
    this.#pending = emptyPending()
  }

  #checkRecords(
    key: string,
    records: readonly unknown[],
    collection: RecordCollection,
  ): { data: unknown[]; jsons: string[] } | Misfit {
    const known = this.#known.get(key)
    const seen = new Set<number>()
    const kept: unknown[] = []
    const jsons: string[] = []
    for (const [index, record] of records.entries()) {
      const knownJson = isPlainObject(record) ? this.#jsonOf.get(record) : undefined
      if (knownJson !== undefined) {
        seen.add(this.#hashOf.get(record as object) ?? hashOf(knownJson))
        kept.push(record)
        jsons.push(knownJson)
        continue
      }
      let json = JSON.stringify(record)
      let hash = hashOf(json)
      let data = record
      if (!known?.has(hash)) {
        const parsed = collection.item.safeParse(record)
        if (!parsed.success) return misfit(`${key}.${index}`, parsed.error)
        data = parsed.data
        json = JSON.stringify(data)
        hash = hashOf(json)
      }
      if (isPlainObject(data)) this.#pending.records.set(data, { json, hash })
      seen.add(hash)
      kept.push(data)
      jsons.push(json)
    }
    this.#pending.hashes.set(key, seen)
    return { data: kept, jsons }
  }

  #checkWhole(value: T): Checked<T> | Misfit {
    const parsed = this.#schema.safeParse(value)
    if (!parsed.success) return misfit('', parsed.error)
    let json: string | null = null
    return {
      data: parsed.data,
      json: () => (json ??= JSON.stringify(parsed.data)),
      recordChanges: null,
    }
  }
}

/** What a check learnt, kept until the write is acknowledged. */
interface Pending {
  readonly records: Map<Record<string, unknown>, { json: string; hash: number }>
  readonly hashes: Map<string, Set<number>>
  readonly fieldJson: Map<string, string>
}

function emptyPending(): Pending {
  return { records: new Map(), hashes: new Map(), fieldJson: new Map() }
}

/**
 * The records put and removed between two versions of a collection; null when that cannot be
 * said as puts and removals (records without a key, a key twice, records moved): a put replaces
 * a record in its place, a new record goes last.
 */
function changesOf(
  before: readonly unknown[],
  after: readonly unknown[],
  jsons: readonly string[],
  collection: RecordCollection,
  jsonOf: WeakMap<object, string>,
): { put: { json: string; data: unknown }[]; removed: string[] } | null {
  const keyOf = collection.key
  if (!keyOf)
    return before.length === after.length && before.every((r, i) => r === after[i])
      ? { put: [], removed: [] }
      : null
  const beforeKeys = new Map<string, unknown>()
  for (const record of before) {
    const key = keyOf(record)
    if (key === undefined || beforeKeys.has(key)) return null
    beforeKeys.set(key, record)
  }
  const put: { json: string; data: unknown }[] = []
  const afterKeys = new Set<string>()
  const appended: string[] = []
  for (const [index, record] of after.entries()) {
    const key = keyOf(record)
    if (key === undefined || afterKeys.has(key)) return null
    afterKeys.add(key)
    const old = beforeKeys.get(key)
    if (old === undefined) appended.push(key)
    if (old === record) continue
    const json = jsons[index]!
    if (isPlainObject(old) && jsonOf.get(old) === json) continue
    put.push({ json, data: record })
  }
  const removed = [...beforeKeys.keys()].filter((key) => !afterKeys.has(key))
  // Replaying puts and removals must give this very order.
  const expected = [...[...beforeKeys.keys()].filter((key) => afterKeys.has(key)), ...appended]
  let at = 0
  for (const key of afterKeys) if (expected[at++] !== key) return null
  return { put, removed }
}

/** Freezes a record and everything in it: acknowledged records are never changed in place. */
export function deepFreeze<V>(value: V): V {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  Object.freeze(value)
  for (const child of Object.values(value)) deepFreeze(child)
  return value
}

function checkField(
  key: string,
  schema: z.ZodType,
  value: unknown,
): { data: unknown; json: string } | Misfit {
  const parsed = schema.safeParse(value)
  if (!parsed.success) return misfit(key, parsed.error)
  return { data: parsed.data, json: JSON.stringify(parsed.data) }
}

function misfit(prefix: string, error: z.ZodError): Misfit {
  const issue = error.issues[0]
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.')
  return { where: path, message: issue?.message ?? 'a value does not fit' }
}

/** A 53-bit hash of a record's JSON (cyrb53): equal JSON, equal hash; a change, another hash. */
export function hashOf(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
