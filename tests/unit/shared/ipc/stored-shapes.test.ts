import { beforeEach, describe, expect, it, vi } from 'vitest'

// Fresh modules per test: the store schemas are provided once per module instance, and zod
// remembers a lazy field's schema (or its failure) from its first parse.
async function freshModules() {
  const { requestDefinitions } = await import('../../../../src/shared/ipc/contract')
  const { provideStoredShapes } = await import('../../../../src/shared/ipc/stored-shapes')
  const { storedShapes } = await import('../../../../src/main/ipc/stored-shapes')
  return { requestDefinitions, provide: () => provideStoredShapes(storedShapes) }
}

describe('request fields held to the store schemas', () => {
  beforeEach(() => {
    vi.resetModules()
  })

  it('refuse to validate before main provides the store schemas, saying why', async () => {
    const { requestDefinitions } = await freshModules()
    expect(() =>
      requestDefinitions.openDocument.input.parse({ documentId: 'europol-warns-about-e2ee' }),
    ).toThrow('A request was validated before main provided the store schemas.')
  })

  it('follow the store schemas once provided', async () => {
    const { requestDefinitions, provide } = await freshModules()
    provide()
    const { input } = requestDefinitions.openDocument
    expect(input.safeParse({ documentId: 'europol-warns-about-e2ee' }).success).toBe(true)
    expect(input.safeParse({ documentId: '../../etc/passwd' }).success).toBe(false)
    const restore = requestDefinitions.restoreDocument.input
    const trashName = 'x.2026-01-01T00-00-00Z'
    expect(restore.safeParse({ meta: { id: 'x' }, trashName }).success).toBe(false)
    // A tag is trimmed and lower-cased as the store keeps it.
    const update = requestDefinitions.updateHighlight.input.parse({
      documentId: 'europol-warns-about-e2ee',
      highlightId: 'h1',
      changes: { tags: [' Evidence '] },
    })
    expect(update.changes.tags).toEqual(['evidence'])
  })
})
