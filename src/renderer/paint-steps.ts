/**
 * Ways to split work across the page's tasks so each stays short and the browser paints between
 * them. A MessageChannel message is a task of its own without setTimeout's 4 ms clamp.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/** Resolves in the first task after the next frame has been painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)))
}

/**
 * Runs `work` once the page is idle — after the frames it owes — or after `timeoutMs` at the
 * latest; where the page has no idle callbacks (unit tests), in a task of its own.
 */
export function whenIdle(work: () => void, timeoutMs = 250): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(() => work(), { timeout: timeoutMs })
  else setTimeout(work, 0)
}
