import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { bridgeArgumentSchemas } from '../../shared/contract/index.ts'
import { fail } from '../../shared/result.ts'
import type { Dispatch } from './dispatcher.ts'

/** Only our own page may call main: a frame with another URL (an iframe, a navigated window) is refused. */
export type SenderCheck = (frameUrl: string | null) => boolean

export function registerIpcHandlers(
  ipcMain: IpcMain,
  dispatch: Dispatch,
  isTrustedSender: SenderCheck,
): void {
  for (const channel of Object.keys(bridgeArgumentSchemas)) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      const frameUrl = event.senderFrame?.url ?? null
      if (!isTrustedSender(frameUrl)) {
        return fail(
          'UNTRUSTED_SENDER',
          `A page at ${frameUrl ?? 'an unknown address'} may not call ${channel}.`,
        )
      }
      return dispatch(channel, args)
    })
  }
}

export function createSenderCheck(allowedOrigins: string[]): SenderCheck {
  return (frameUrl) => {
    if (!frameUrl) return false
    try {
      // URL.origin is "null" for custom schemes such as app://, so compare scheme and host.
      const url = new URL(frameUrl)
      return allowedOrigins.includes(`${url.protocol}//${url.host}`)
    } catch {
      return false
    }
  }
}
