import type { Output } from './terminal-output.ts'
import type { RequestOutcome } from './run-outcome.ts'

/**
 * A line per request as it finishes; on a terminal, a progress bar under them, redrawn in place
 * (CI logs are not terminals and get only the lines).
 */
export function createProgress(output: Output, total: number) {
  const color = output.isTTY
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text)
  let barShown = false
  const width = String(total).length

  function clearBar() {
    if (barShown) output.write('\r\u001b[2K')
    barShown = false
  }

  function drawBar(done: number) {
    const cells = Math.max(10, Math.min(30, output.columns - 20))
    const filled = Math.round((done / total) * cells)
    output.write(`[${'#'.repeat(filled)}${'.'.repeat(cells - filled)}] ${done}/${total}`)
    barShown = true
  }

  return {
    start() {
      if (output.isTTY) drawBar(0)
    },
    step(outcome: RequestOutcome, index: number) {
      clearBar()
      const mark = outcome.passed ? paint(32, 'PASS') : paint(31, 'FAIL')
      const status = outcome.status === null ? '---' : String(outcome.status)
      const time = outcome.durationMs === null ? '' : ` ${Math.round(outcome.durationMs)} ms`
      const counter = `${String(index + 1).padStart(width)}/${total}`
      output.write(`${mark} ${counter} ${outcome.endpoint} ${status}${time}  ${outcome.name}\n`)
      for (const failure of outcome.failures) output.write(`       ${paint(31, '✗')} ${failure}\n`)
      for (const warning of outcome.warnings) output.write(`       ${paint(33, '!')} ${warning}\n`)
      if (output.isTTY && index + 1 < total) drawBar(index + 1)
    },
    finish() {
      clearBar()
    },
  }
}
