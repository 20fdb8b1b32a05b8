import { describe, expect, it, vi } from 'vitest'
import { createDispatch } from '../../../../src/main/ipc/dispatch'
import { createHandlers, type Handlers } from '../../../../src/main/ipc/handlers'
import { servicesOn } from '../../../support/services'
import { tempDirs } from '../../../support/temp-dir'

describe('createDispatch', () => {
  const makeDir = tempDirs()

  async function dispatchOnRealServices() {
    const services = await servicesOn(await makeDir())
    const opened: string[] = []
    const dispatch = createDispatch(
      createHandlers({ services, openExternal: async (url) => void opened.push(url) }),
    )
    return { dispatch, services, opened }
  }

  it('routes a valid request to its service', async () => {
    const { dispatch } = await dispatchOnRealServices()
    const result = await dispatch('listDocuments', undefined)
    expect(result).toMatchObject({ ok: true, value: [{ id: 'europol-warns-about-e2ee' }] })
  })

  it('refuses an unknown request name', async () => {
    const { dispatch } = await dispatchOnRealServices()
    expect(await dispatch('deleteEverything', undefined)).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    })
  })

  it.each([
    ['openDocument', { documentId: '../../etc/passwd' }],
    ['openDocument', { documentId: 'x', extra: true }],
    ['openDocument', 'europol-warns-about-e2ee'],
    ['updateSettings', { fontSize: 400 }],
    ['updateSettings', { theme: 'neon' }],
    ['updateSettings', { nodeIntegration: true }],
    [
      'saveReadingPosition',
      {
        documentId: 'europol-warns-about-e2ee',
        position: { segmentIndex: -1, segmentFraction: 0, progress: 0 },
      },
    ],
    ['listDocuments', { surprise: 1 }],
    ['openExternal', { url: 42 }],
    // Regression: the store's read-only list schema froze what it was given, and freezing bytes
    // threw out of validation, so the window got a stack instead of a sentence.
    ['updateSettings', { highlightLabels: new Uint8Array([1, 2]) }],
  ])('refuses %s with invalid arguments %j and changes nothing', async (name, args) => {
    const { dispatch, services } = await dispatchOnRealServices()
    const before = structuredClone(services.store.library.data)
    expect(await dispatch(name, args)).toEqual({
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: `The request ${name} was sent invalid arguments.`,
      },
    })
    expect(services.store.library.data).toEqual(before)
  })

  it('opens only https and mailto links in the system browser', async () => {
    const { dispatch, opened } = await dispatchOnRealServices()
    expect(await dispatch('openExternal', { url: 'https://www.heise.de/' })).toEqual({
      ok: true,
      value: null,
    })
    expect(await dispatch('openExternal', { url: 'file:///etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    })
    expect(await dispatch('openExternal', { url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    })
    expect(opened).toEqual(['https://www.heise.de/'])
  })

  it('reports a handler that throws as an internal failure, without the stack', async () => {
    const log = vi.fn()
    const handlers = {
      listDocuments: () => {
        throw new Error('secret detail')
      },
    } as unknown as Handlers
    const dispatch = createDispatch(handlers, log)
    const result = await dispatch('listDocuments', undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('secret detail')
    expect(log).toHaveBeenCalledOnce()
  })
})
