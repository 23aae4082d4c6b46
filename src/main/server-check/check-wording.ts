// How each check's outcome reads to the user: one line, saying what was seen or why not.
import { parseJsonBody, type ResponseRecord } from '../../shared/requests.ts'
import type { StreamingState } from '../../shared/streaming.ts'
import type { CheckResult } from './server-check.ts'

type Outcome = Omit<CheckResult, 'name'>

/** A 200 with JSON passes (worded by `success`); anything else fails, with the server's reason. */
export function describeResponse(
  endpoint: string,
  response: ResponseRecord,
  success: (json: unknown) => string,
): Outcome {
  const { problem, body, status } = response
  const json = status === 200 ? parseJsonBody(body) : null
  if (json?.ok) {
    return { outcome: 'pass', detail: `POST /api/${endpoint}: ${success(json.value)}` }
  }
  let why = `${status} ${response.statusText}`.trim()
  if (problem?.kind === 'misskey') why += `, Misskey error ${problem.code}: ${problem.message}`
  else if (problem?.kind === 'fastify') why += `: ${problem.message}`
  else if (problem?.kind === 'redirect') why += `, a redirect to ${problem.location ?? '(nowhere)'}`
  else if (json?.ok === false) why += ` but the body is not JSON (${json.reason})`
  return { outcome: 'fail', detail: `POST /api/${endpoint} answered ${why}` }
}

export function describeStreamState(state: StreamingState | null, channel: string | null): Outcome {
  if (state === null) {
    return {
      outcome: 'fail',
      detail: channel
        ? `joined ${channel} but nothing came back in time`
        : 'the socket did not open in time',
    }
  }
  if (state.phase !== 'open') {
    const why = state.error ? `${state.error.message} (${state.error.code})` : state.phase
    return { outcome: 'fail', detail: `the socket did not open: ${why}` }
  }
  const joined = state.channels.find((entry) => entry.channel === channel)
  if (joined?.status === 'confirmed') {
    return { outcome: 'pass', detail: `the socket opened and ${channel} confirmed the join` }
  }
  return {
    outcome: 'fail',
    detail: `the socket opened but ${channel} never confirmed the join (the server ignored it)`,
  }
}
