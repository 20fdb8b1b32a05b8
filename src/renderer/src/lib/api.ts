import type { LecternApi } from '../../../shared/ipc/contract'

declare global {
  interface Window {
    /** Built by the preload from the IPC contract; the renderer's only way to reach main. */
    readonly lectern: LecternApi
  }
}

/** The main-process API. The only module that touches `window.lectern`. */
export const api: LecternApi = new Proxy({} as LecternApi, {
  get: (_target, name: string) => {
    const method = window.lectern?.[name as keyof LecternApi]
    if (!method) throw new Error(`Lectern's bridge to the main process is missing (${name}).`)
    return method
  },
})
