// Why a streaming socket did not open or did not stay open, in words a user can act on.
import { fail, type AppError } from '../../shared/result.ts'
import { describeNetworkError } from '../http/network-error.ts'

function errorOf(result: { ok: false; error: AppError } | { ok: true }): AppError {
  if (result.ok) throw new Error('not a failure')
  return result.error
}

/** The server answered the upgrade request with an HTTP status instead of switching protocols. */
export function upgradeRefused(status: number, host: string, anonymous: boolean): AppError {
  if (status === 401) {
    return errorOf(
      fail(
        'STREAM_UPGRADE_REFUSED',
        `${host} refused the token on the streaming upgrade (401): it is wrong or revoked, or it is an app token without the read:account permission, which streaming needs.`,
        { status, host, reason: anonymous ? 'unauthorizedAnonymous' : 'unauthorized' },
      ),
    )
  }
  if (status === 403) {
    return errorOf(
      fail(
        'STREAM_UPGRADE_REFUSED',
        `${host} refused the streaming connection (403): the account is suspended.`,
        { status, host, reason: 'suspended' },
      ),
    )
  }
  return errorOf(
    fail(
      'STREAM_UPGRADE_REFUSED',
      `${host} answered ${status} instead of opening a WebSocket: it may not offer streaming, or a proxy in front of it does not pass WebSockets on.`,
      { status, host, reason: 'status' },
    ),
  )
}

/** The socket was open and closed without the user asking. */
export function socketClosed(
  code: number,
  reason: string,
  host: string,
  silentMs: number | null = null,
): AppError {
  if (silentMs !== null) {
    const seconds = Math.round(silentMs / 1000)
    return errorOf(
      fail(
        'STREAM_CLOSED',
        `${host} sent nothing for ${seconds} s, not even its pings, so the connection was presumed dead.`,
        { code, host, seconds, reason: 'silent' },
      ),
    )
  }
  if (code === 1006) {
    return errorOf(
      fail(
        'STREAM_CLOSED',
        `The connection to ${host} dropped without a closing handshake (the network, or the server went away).`,
        { code, host, text: reason, reason: 'dropped' },
      ),
    )
  }
  return errorOf(
    fail(
      'STREAM_CLOSED',
      `${host} closed the socket (code ${code}${reason ? `: ${reason}` : ''}).`,
      {
        code,
        host,
        text: reason || '—',
        reason: code === 1001 ? 'goingAway' : 'closed',
      },
    ),
  )
}

/** The server sent one message over the socket's limit; ws stopped reading and closed it. */
export function messageTooLarge(host: string, limitBytes: number): AppError {
  const limit = `${Math.round(limitBytes / (1024 * 1024))} MiB`
  return errorOf(
    fail(
      'STREAM_CLOSED',
      `${host} sent a message larger than ${limit} (a Misskey message is a few KiB), so the connection was closed; connect again to retry.`,
      { code: 1009, host, limit, reason: 'tooLarge' },
    ),
  )
}

/** No HTTP answer at all: refused, DNS, TLS, reset, timeout. */
export function networkFailure(error: unknown, httpUrl: string): AppError {
  return errorOf(describeNetworkError(error, httpUrl))
}
