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
  readonly json: string
}

/**
 * Checks each new content of one file against the schema that reads it, and makes its JSON.
 * Records this file already held in the same form (by a hash of their JSON) are not checked
 * again: saving one highlight of a thousand checks one highlight, not a thousand. Everything else
 * (the other fields, a new or changed record) is parsed by the schema, defaults and all.
 */
export class CheckedJson<T> {
  readonly #schema: z.ZodType<T>
  readonly #collections: readonly RecordCollection[]
  readonly #shape: Record<string, z.ZodType> | null
  /** Per collection, the hashes of the records of the last acknowledged content. */
  #known = new Map<string, Set<number>>()
  #pending = new Map<string, Set<number>>()

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
   * The content as it will be read back, and its JSON; or what does not fit. `current` is the
   * acknowledged content (read through the schema, or checked by the last save): its records
   * are known good the first time.
   */
  check(value: T, current: T): Checked<T> | Misfit {
    if (!this.#shape || !isPlainObject(value)) return this.#checkWhole(value)
    if (!this.#isSeeded && isPlainObject(current)) this.#seed(current)
    const data: Record<string, unknown> = {}
    const parts: string[] = []
    this.#pending = new Map()
    const keys = [...new Set([...Object.keys(value), ...Object.keys(this.#shape)])]
    for (const key of keys) {
      const fieldSchema = this.#shape[key]
      if (!fieldSchema) continue // the schema strips what it does not know
      const collection = this.#collections.find((c) => c.field === key)
      const field =
        collection && Array.isArray(value[key])
          ? this.#checkRecords(key, value[key] as unknown[], collection)
          : checkField(key, fieldSchema, value[key])
      if ('where' in field) return field
      if (field.data === undefined) continue
      data[key] = field.data
      parts.push(`${JSON.stringify(key)}:${field.json}`)
    }
    return { data: data as T, json: `{${parts.join(',')}}` }
  }

  #isSeeded = false

  #seed(current: Record<string, unknown>): void {
    this.#isSeeded = true
    for (const { field } of this.#collections) {
      const records = current[field]
      if (Array.isArray(records))
        this.#known.set(field, new Set(records.map((record) => hashOf(JSON.stringify(record)))))
    }
  }

  /** Makes the records of the content just written the ones known from now on. */
  acknowledge(): void {
    this.#known = this.#pending
  }

  #checkRecords(
    key: string,
    records: readonly unknown[],
    collection: RecordCollection,
  ): Checked<unknown[]> | Misfit {
    const known = this.#known.get(key)
    const seen = new Set<number>()
    const kept: unknown[] = []
    const jsons: string[] = []
    for (const [index, record] of records.entries()) {
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
      seen.add(hash)
      kept.push(data)
      jsons.push(json)
    }
    this.#pending.set(key, seen)
    return { data: kept, json: `[${jsons.join(',')}]` }
  }

  #checkWhole(value: T): Checked<T> | Misfit {
    const parsed = this.#schema.safeParse(value)
    if (!parsed.success) return misfit('', parsed.error)
    return { data: parsed.data, json: JSON.stringify(parsed.data) }
  }
}

function checkField(key: string, schema: z.ZodType, value: unknown): Checked<unknown> | Misfit {
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
function hashOf(text: string): number {
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
