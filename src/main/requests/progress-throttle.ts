import type { RequestProgress } from '../../shared/requests.ts'

const intervalMs = 100

/**
 * Progress at most every 100 ms per phase, plus the final figure, so IPC is not flooded; and
 * nothing during the request's first `quietMs`: an answer that comes that soon needs no progress
 * shown, and each event would be an IPC message and a repaint of the page just before the answer.
 */
export function throttledProgress(
  requestId: string,
  now: () => number,
  emit: (progress: RequestProgress) => void,
  quietMs = intervalMs,
): (
  phase: RequestProgress['phase'],
  bytes: number,
  totalBytes: number | null,
  final?: boolean,
) => void {
  const startedAt = now()
  let last = -Infinity
  let lastPhase: RequestProgress['phase'] | null = null
  return (phase, bytes, totalBytes, final = false) => {
    const time = now()
    if (time - startedAt < quietMs) return
    const done = final || (totalBytes !== null && bytes >= totalBytes)
    if (phase === lastPhase && !done && time - last < intervalMs) return
    last = time
    lastPhase = phase
    emit({ requestId, phase, bytes, totalBytes })
  }
}
