import { contextBridge, ipcRenderer } from 'electron'
import { buildApi, domEventName, eventNames } from '../shared/ipc/contract'

// The renderer's only door to main: one method per contract request, nothing else.
contextBridge.exposeInMainWorld(
  'lectern',
  buildApi((name, args) => ipcRenderer.invoke(name, args)),
)

// Main's events reach the page as DOM events on window; no IPC object is exposed.
for (const name of eventNames) {
  ipcRenderer.on(name, () => window.dispatchEvent(new Event(domEventName(name))))
}
