import type { RequestProgress } from '../../shared/requests.ts'

const intervalMs = 100

/** Progress at most every 100 ms per phase, plus the final figure, so IPC is not flooded. */
export function throttledProgress(
  requestId: string,
  now: () => number,
  emit: (progress: RequestProgress) => void,
): (
  phase: RequestProgress['phase'],
  bytes: number,
  totalBytes: number | null,
  final?: boolean,
) => void {
  let last = -Infinity
  let lastPhase: RequestProgress['phase'] | null = null
  return (phase, bytes, totalBytes, final = false) => {
    const time = now()
    const done = final || (totalBytes !== null && bytes >= totalBytes)
    if (phase === lastPhase && !done && time - last < intervalMs) return
    last = time
    lastPhase = phase
    emit({ requestId, phase, bytes, totalBytes })
  }
}
