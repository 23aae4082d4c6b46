import { fail, ok, type Result } from '../shared/result.ts'

const explicitScheme = /^([a-z][a-z0-9+.-]*):\/\//i
// `localhost:3000` looks like a scheme followed by a port; `javascript:alert(1)` is a scheme.
const bareSchemeWithoutPort = /^([a-z][a-z0-9+.-]*):(?!\d+(?:[/?#]|$))/i

/**
 * Turns what a user types (`misskey.example`, `https://misskey.example/`, `http://127.0.0.1:3000`,
 * a pasted note URL) into the server's origin. https is assumed when no scheme is given, as every
 * public Misskey server is on https; http must be asked for explicitly.
 */
export function normalizeServerAddress(input: string): Result<string> {
  const typed = input.trim()
  if (typed === '') {
    return fail('INVALID_SERVER_ADDRESS', 'Enter a server address, such as misskey.io.', {
      reason: 'empty',
      input,
    })
  }
  const scheme = explicitScheme.exec(typed)?.[1] ?? bareSchemeWithoutPort.exec(typed)?.[1]
  if (scheme && !/^https?$/i.test(scheme)) {
    return fail(
      'INVALID_SERVER_ADDRESS',
      `Only http and https servers are supported, not ${scheme}:.`,
      {
        reason: 'scheme',
        scheme: scheme.toLowerCase(),
        input: typed,
      },
    )
  }
  let url: URL
  try {
    url = new URL(scheme ? typed : `https://${typed}`)
  } catch {
    return fail('INVALID_SERVER_ADDRESS', `“${typed}” is not a server address.`, {
      reason: 'unparsable',
      input: typed,
    })
  }
  if (url.username || url.password) {
    return fail(
      'INVALID_SERVER_ADDRESS',
      'Remove the user name and password from the address; sign in with a token instead.',
      { reason: 'credentials', input: typed },
    )
  }
  if (!url.hostname || /\s/.test(typed)) {
    return fail('INVALID_SERVER_ADDRESS', `“${typed}” is not a server address.`, {
      reason: 'unparsable',
      input: typed,
    })
  }
  return ok(url.origin)
}
