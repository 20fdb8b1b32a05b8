import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { z } from 'zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../../../src/main/ipc/dispatch'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import { requestDefinitions } from '../../../../src/shared/ipc/contract'
import { requestNames } from '../../../../src/shared/ipc/contract'
import { servicesOn } from '../../../support/services'

// Every request the window can send, with random and malformed arguments: a rejected argument
// gives a validation error and leaves every file as it was; no argument makes a handler throw.

const documentId = 'europol-warns-about-e2ee'
const runsPerRequest = Number(process.env['LECTERN_FUZZ_RUNS'] ?? 60)

/** Each file's identity and size: a save replaces the file (a new inode and time). */
async function fingerprint(dir: string): Promise<string> {
  const lines: string[] = []
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const { ino, size, mtimeMs } = await stat(path)
    lines.push(`${relative(dir, path)} ${ino} ${size} ${mtimeMs}`)
  }
  return lines.sort().join('\n')
}

/** The argument names a request's schema knows, so that generated objects come near to valid. */
function keysOf(schema: z.ZodType): string[] {
  // A field held to a store schema is lazy (looked up when parsed): look through it.
  if (schema instanceof z.ZodLazy) return keysOf(schema.unwrap() as z.ZodType)
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : []
}

describe('every request with random and malformed arguments', () => {
  let dataDir: string
  let dispatch: Dispatch
  let highlightId: string
  let cardId: string
  const opened: string[] = []
  let internalFailures = 0
  let lastInternal: unknown = null
  let tried = 0
  let rejected = 0

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lectern-fuzz-'))
    const services = await servicesOn(dataDir)
    const highlight = await services.annotations.create({
      documentId,
      start: 0,
      end: 30,
      labelId: 'evidence',
    })
    const card = await services.cards.create(documentId, null, {
      kind: 'basic',
      front: 'Q',
      back: 'A',
      isReversible: true,
    })
    if (!highlight.ok || !card.ok) throw new Error('fixture')
    highlightId = highlight.value.id
    cardId = card.value.id
    dispatch = createDispatch(
      createHandlers({ services, openExternal: async (url) => void opened.push(url) }),
      (error) => {
        internalFailures++
        lastInternal = error
      },
    )
  })

  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  /** Values that are right for some argument somewhere, wrong types, and hostile shapes. */
  const value = () =>
    fc.oneof(
      fc.constantFrom(documentId, '../../etc/passwd', '', '__proto__', 'constructor'),
      fc
        .constantFrom(
          () => highlightId,
          () => cardId,
        )
        .map((get) => get()),
      fc.constantFrom('forward', 'reverse', 'c1', 'good', 'again', 'evidence', 'md', 'w3c'),
      fc.constantFrom('https://example.org/', 'javascript:alert(1)', 'file:///etc/passwd'),
      fc.integer({ min: -10, max: 200_000 }),
      fc.double(),
      fc.string({ maxLength: 40 }),
      fc.constant('x'.repeat(200_000)),
      fc.uint8Array({ maxLength: 64 }),
      fc.anything({ maxDepth: 3 }),
    )

  function argumentsFor(keys: string[]) {
    const nearlyValid = fc
      .subarray([...keys, 'extra', '__proto__'])
      .chain((chosen) => fc.tuple(...chosen.map((key) => fc.tuple(fc.constant(key), value()))))
      .map((pairs) => Object.fromEntries(pairs) as unknown)
    return fc.oneof(nearlyValid, fc.anything({ maxDepth: 4 }), fc.constant(undefined))
  }

  it.each(requestNames.map((name) => [name]))('%s', async (name) => {
    const schema: z.ZodType = requestDefinitions[name].input
    await fc.assert(
      fc.asyncProperty(argumentsFor(keysOf(schema)), async (args) => {
        tried++
        const isValid = schema.safeParse(args).success
        const before = isValid ? '' : await fingerprint(dataDir)
        const result = await dispatch(name, args)
        expect(
          internalFailures,
          `${name} threw ${String(lastInternal)} on ${JSON.stringify(args)?.slice(0, 200)}`,
        ).toBe(0)
        if (isValid) return
        rejected++
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
        expect(await fingerprint(dataDir)).toBe(before)
      }),
      { numRuns: runsPerRequest, seed: 20261128 },
    )
  })

  it('refused every unsafe link it was sent', () => {
    for (const url of opened) expect(url).toMatch(/^(https:|mailto:)/)
    expect(tried).toBe(runsPerRequest * requestNames.length)
    console.info(`request fuzz: ${tried} requests with random arguments, ${rejected} rejected`)
  })
})
