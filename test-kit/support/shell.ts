import { execFileSync } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'

/** The POSIX shells on this machine to check shell snippets with (bash, dash, zsh), each once. */
export const shells = [
  ...new Set(
    ['/bin/bash', '/bin/sh', '/bin/dash', '/usr/bin/zsh', '/bin/zsh']
      .filter((path) => existsSync(path))
      .map((path) => realpathSync(path)),
  ),
]

/**
 * The arguments a shell really passes to `curl` when it runs `script`: a shell function named
 * curl stands in for the program and prints each argument NUL-terminated, so quoting mistakes
 * show up as wrong words instead of as requests.
 */
export function curlArguments(script: string, shell = '/bin/bash'): string[] {
  const standIn = `curl() { printf '%s\\0' "$@"; }\n`
  const output = execFileSync(shell, ['-c', standIn + script], { encoding: 'utf8' })
  return output.split('\0').slice(0, -1)
}
