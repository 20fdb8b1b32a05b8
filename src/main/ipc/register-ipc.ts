import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { fail } from '../../shared/ipc/result'
import { requestNames } from '../../shared/ipc/contract'
import type { Dispatch } from './dispatch'
import { isAppPage } from '../windows/app-page-url'

/**
 * Registers one handler per contract request. A request from any frame other than the app's own
 * page is refused before its argument is looked at.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const name of requestNames) {
    ipcMain.handle(name, (event, args: unknown) =>
      isTrustedSender(event)
        ? dispatch(name, args)
        : fail('invalid-arguments', 'This request did not come from Lectern’s own window.'),
    )
  }
  return () => requestNames.forEach((name) => ipcMain.removeHandler(name))
}

/** True when the request comes from the top frame of the app page at `appUrl`. */
export function isAppFrame(
  senderUrl: string | undefined,
  isTopFrame: boolean,
  appUrl: string,
): boolean {
  return !!senderUrl && isTopFrame && isAppPage(senderUrl, appUrl)
}
