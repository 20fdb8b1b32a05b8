import type { Page } from '@playwright/test'
import { requestNames } from '../../src/shared/ipc/contract'
import { createDispatch } from '../../src/main/ipc/dispatch'
import { createHandlers } from '../../src/main/ipc/handlers'
import type { Services } from '../../src/main/services/create-services'

/** How bytes travel in the bridge's JSON: Electron's IPC clones them; JSON needs a marker. */
const bytesKey = '__lecternBytes'

/** A page's bridge to the services. */
export interface Bridge {
  /** Resolves when no request from the page is being handled (close the page first). */
  settled(): Promise<void>
}

/**
 * Gives a page the app's `window.lectern`, wired to the real services through the contract's
 * validation and handlers: what the preload and IPC do in Electron, over `page.exposeFunction`.
 * Messages cross as JSON strings (bytes as base64), which costs about what Electron's structured
 * clone does; Playwright's own argument encoding is many times slower on a large document.
 * Call before the page loads the app.
 */
export async function bridgePage(
  page: Page,
  services: Services,
  openExternal: (url: string) => Promise<void> = async () => undefined,
): Promise<Bridge> {
  const dispatch = createDispatch(createHandlers({ services, openExternal }))
  const inFlight = new Set<Promise<unknown>>()
  await page.exposeFunction('__lecternInvoke', async (name: string, json: string) => {
    const args: unknown = json === '' ? undefined : JSON.parse(json, revive)
    const handling = dispatch(name, args)
    inFlight.add(handling)
    try {
      return JSON.stringify(await handling, replace)
    } finally {
      inFlight.delete(handling)
    }
  })
  // A string, not a function: a TypeScript loader may add helpers to functions that the page
  // does not have.
  await page.addInitScript(`(() => {
    const names = ${JSON.stringify(requestNames)}
    const invoke = window.__lecternInvoke
    const toBase64 = (bytes) => {
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(binary)
    }
    const replace = (_key, value) =>
      value instanceof Uint8Array ? { ${bytesKey}: toBase64(value) } : value
    const revive = (_key, value) =>
      value && typeof value === 'object' && typeof value.${bytesKey} === 'string'
        ? Uint8Array.from(atob(value.${bytesKey}), (c) => c.charCodeAt(0))
        : value
    const api = Object.fromEntries(
      names.map((name) => [
        name,
        async (args) =>
          JSON.parse(
            await invoke(name, args === undefined ? '' : JSON.stringify(args, replace)),
            revive,
          ),
      ]),
    )
    Object.defineProperty(window, 'lectern', { value: Object.freeze(api) })
  })()`)
  return {
    settled: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    },
  }
}

function replace(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { [bytesKey]: Buffer.from(value).toString('base64') } : value
}

function revive(_key: string, value: unknown): unknown {
  if (
    value &&
    typeof value === 'object' &&
    typeof (value as Record<string, unknown>)[bytesKey] === 'string'
  )
    return new Uint8Array(Buffer.from((value as Record<string, string>)[bytesKey]!, 'base64'))
  return value
}
