// The `misskey-explorer` command (package.json `bin`, built to out/cli). Plain Node: no Electron,
// no display; it runs saved requests through main's own request path.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createKeytarSecretStore, keychainService } from '../main/secrets/keytar-secret-store.ts'
import { rememberSecrets } from '../main/secrets/remembering-secret-store.ts'
import { runCommand } from './run-command.ts'

declare const __CLI_VERSION__: string | undefined

const output = (stream: NodeJS.WriteStream) => ({
  write: (text: string) => void stream.write(text),
  isTTY: stream.isTTY === true,
  columns: stream.columns ?? 80,
})

const code = await runCommand(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: output(process.stdout),
  stderr: output(process.stderr),
  // MISSKEY_EXPLORER_KEYCHAIN_SERVICE, like MISSKEY_EXPLORER_DATA, points at another copy's
  // tokens (tests that must not touch the app's own keychain entries, a portable copy).
  secrets: () =>
    rememberSecrets(
      createKeytarSecretStore(process.env.MISSKEY_EXPLORER_KEYCHAIN_SERVICE || keychainService),
    ),
  writeFile: async (path, text) => {
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, text)
  },
  version: typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : 'development',
})
process.exitCode = code
