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

/** What is wrong with a certificate, in words; the code stays in the message for searching. */
const certificateProblems: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'is self-signed, so no authority vouches for it',
  SELF_SIGNED_CERT_IN_CHAIN: 'chains up to a self-signed certificate no authority vouches for',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'was issued by an authority this computer does not know',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'was issued by an authority this computer does not know',
  CERT_HAS_EXPIRED: 'has expired',
  CERT_NOT_YET_VALID: 'is not valid yet (check this computer’s clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'is for another host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'could not be read: is the server speaking plain http?',
}

const resetCodes = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'])

/** The text with every quoted part (where fetch and Node put the values they refused) elided. */
export function withoutQuotedValues(text: string): string {
  return text
    .replace(/"[^"]*"?/g, '"…"')
    .replace(/'[^']*'?/g, "'…'")
    .replace(/\b(bearer)\s+\S+/gi, '$1 …')
}

/** Explains why a request got no (complete) HTTP answer, in words a user can act on. */
export function describeNetworkError(
  error: unknown,
  url: string,
  /** Whether the headers had already arrived: a failure then means the body was cut. */
  phase: 'connect' | 'body' = 'connect',
): Result<never> {
  const code = causeCode(error)
  const host = new URL(url).host
  if (phase === 'body') {
    return fail(
      'SERVER_UNREACHABLE',
      `${host} closed the connection in the middle of its answer.`,
      {
        reason: 'reset-mid-body',
        host,
        cause: code ?? 'closed',
      },
    )
  }
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
  if (
    code &&
    (code in certificateProblems || code.startsWith('ERR_TLS') || code.includes('CERT'))
  ) {
    const problem = certificateProblems[code] ?? 'cannot be trusted'
    return fail(
      'SERVER_UNREACHABLE',
      `${host} presented a certificate that ${problem} (${code}).`,
      {
        reason: 'tls',
        host,
        problem,
        cause: code,
      },
    )
  }
  if (code && resetCodes.has(code)) {
    return fail('SERVER_UNREACHABLE', `${host} closed the connection before answering.`, {
      reason: 'reset',
      host,
      cause: code,
    })
  }
  // fetch quotes what it refused, e.g. `Headers.append: "Bearer <token>\n" is an invalid header
  // value`: a quoted part may hold a token, so it never reaches the user, the history or a log.
  const message = withoutQuotedValues(error instanceof Error ? error.message : String(error))
  return fail('SERVER_UNREACHABLE', `${host} could not be reached: ${code ?? message}.`, {
    reason: 'other',
    host,
    cause: code ?? message,
  })
}
