import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import { requestNames } from '../../../../src/shared/ipc/contract'
import { isAppFrame, registerIpc } from '../../../../src/main/ipc/register-ipc'

type Listener = (event: IpcMainInvokeEvent, args: unknown) => unknown

function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  return {
    handlers,
    handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
  }
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract request, and removes them all', () => {
    const ipc = fakeIpcMain()
    const dispose = registerIpc(
      ipc,
      async () => ({ ok: true, value: null }),
      () => true,
    )
    expect([...ipc.handlers.keys()].sort()).toEqual([...requestNames].sort())
    dispose()
    expect(ipc.handlers.size).toBe(0)
  })

  it('refuses requests from a frame other than the app page before dispatching', async () => {
    const ipc = fakeIpcMain()
    const dispatched: string[] = []
    registerIpc(
      ipc,
      async (name) => {
        dispatched.push(name)
        return { ok: true, value: null }
      },
      () => false,
    )
    const result = await ipc.handlers.get('listDocuments')?.({} as IpcMainInvokeEvent, undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    expect(dispatched).toEqual([])
  })
})

describe('isAppFrame', () => {
  const appUrl = 'file:///opt/lectern/out/renderer/index.html'

  it('accepts the app page’s top frame', () => {
    expect(isAppFrame(appUrl, true, appUrl)).toBe(true)
    expect(isAppFrame(`${appUrl}#library`, true, appUrl)).toBe(true)
  })

  it('refuses subframes, other pages and other origins', () => {
    expect(isAppFrame(appUrl, false, appUrl)).toBe(false)
    expect(isAppFrame('file:///tmp/evil.html', true, appUrl)).toBe(false)
    expect(
      isAppFrame('https://example.com/index.html', true, 'http://localhost:5173/index.html'),
    ).toBe(false)
    expect(isAppFrame(undefined, true, appUrl)).toBe(false)
  })
})
