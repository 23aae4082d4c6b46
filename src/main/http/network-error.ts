import { fail, type Result } from '../../shared/result.ts'

/** Node's fetch hides the socket error under `cause` (and sometimes under `cause.cause`). */
function causeCode(error: unknown): string | null {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return null
}

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
])

/** Explains why a request got no HTTP answer at all, in words a user can act on. */
export function describeNetworkError(error: unknown, url: string): Result<never> {
  const code = causeCode(error)
  const host = new URL(url).host
  if (code === 'ECONNREFUSED') {
    return fail('SERVER_UNREACHABLE', `${host} refused the connection. Is the server running?`, {
      reason: 'refused',
      host,
      cause: code,
    })
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return fail('SERVER_UNREACHABLE', `The name ${host} could not be found (DNS).`, {
      reason: 'dns',
      host,
      cause: code,
    })
  }
  if (code && (tlsCodes.has(code) || code.startsWith('ERR_TLS') || code.includes('CERT'))) {
    return fail(
      'SERVER_UNREACHABLE',
      `${host} presented a certificate that cannot be trusted (${code}).`,
      {
        reason: 'tls',
        host,
        cause: code,
      },
    )
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return fail('SERVER_UNREACHABLE', `${host} closed the connection before answering.`, {
      reason: 'reset',
      host,
      cause: code,
    })
  }
  const message = error instanceof Error ? error.message : String(error)
  return fail('SERVER_UNREACHABLE', `${host} could not be reached: ${code ?? message}.`, {
    reason: 'other',
    host,
    cause: code ?? message,
  })
}
