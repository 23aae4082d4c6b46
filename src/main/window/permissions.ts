import type { Session } from 'electron'

// The page needs no browser permission: no camera, notifications, geolocation, and above all no
// clipboard *read*. "Copy as … with the token" puts a real token on the clipboard from main; a
// page that could read the clipboard back (navigator.clipboard.readText) would hold the token
// the bridge never gives it. So every request and every check is refused, whoever asks.

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0] & {}
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0] & {}

export function permissionRequestHandler(log: (message: string) => void): RequestHandler {
  return (_contents, permission, callback, details) => {
    log(`permission refused: ${permission} asked by ${details?.requestingUrl || 'a page'}`)
    callback(false)
  }
}

export const permissionCheckHandler: CheckHandler = () => false

export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
  log: (message: string) => void,
): void {
  session.setPermissionRequestHandler(permissionRequestHandler(log))
  session.setPermissionCheckHandler(permissionCheckHandler)
}
