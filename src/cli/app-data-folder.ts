import { homedir } from 'node:os'
import { join } from 'node:path'

/** The app's name as Electron knows it (package.json's `name`; there is no `productName`). */
export const appFolderName = 'misskey-api-explorer'

/**
 * Where the desktop app keeps its data (Electron's `userData`: accounts.json, settings, history),
 * worked out without Electron. `MISSKEY_EXPLORER_DATA` points elsewhere (tests, a portable copy).
 */
export function appDataFolder(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.MISSKEY_EXPLORER_DATA) return env.MISSKEY_EXPLORER_DATA
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), appFolderName)
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appFolderName)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), appFolderName)
}
