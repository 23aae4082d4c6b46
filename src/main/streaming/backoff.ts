export interface BackoffOptions {
  initialMs: number
  maxMs: number
}

/**
 * The wait before reconnect attempt `attempt` (1, 2, …): doubling from `initialMs` up to
 * `maxMs`, then "equal jitter" (half fixed, half random) so that many clients dropped by the same
 * server restart do not all come back in the same instant.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number,
): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}
