import { describe, expect, it } from 'vitest'
import { createProgress } from './progress.ts'
import type { RequestOutcome } from './run-outcome.ts'
import { redactedOutput, redactor } from './terminal-output.ts'

const passed: RequestOutcome = {
  name: 'Who am I',
  path: 'Who am I.request.json',
  endpoint: 'i',
  status: 200,
  durationMs: 12.3,
  passed: true,
  checks: [],
  failures: [],
  warnings: [],
  captured: [],
}
const failed: RequestOutcome = {
  ...passed,
  name: 'Show',
  endpoint: 'notes/show',
  status: 400,
  passed: false,
  failures: ['status is 2xx: got 400 NO_SUCH_NOTE'],
  warnings: ['{{noteId}} has no value'],
}

function recorder(isTTY: boolean) {
  const written: string[] = []
  return {
    written,
    output: { isTTY, columns: 80, write: (text: string) => void written.push(text) },
  }
}

describe('progress', () => {
  it('prints a plain line per request, with its reasons, where the output is a log', () => {
    const { written, output } = recorder(false)
    const progress = createProgress(output, 12)
    progress.start()
    progress.step(passed, 0)
    progress.step(failed, 1)
    progress.finish()
    expect(written.join('')).toBe(
      [
        'PASS  1/12 i 200 12 ms  Who am I',
        'FAIL  2/12 notes/show 400 12 ms  Show',
        '       ✗ status is 2xx: got 400 NO_SUCH_NOTE',
        '       ! {{noteId}} has no value',
        '',
      ].join('\n'),
    )
  })

  it('keeps a progress bar under the lines on a terminal, and clears it at the end', () => {
    const { written, output } = recorder(true)
    const progress = createProgress(output, 2)
    progress.start()
    expect(written.at(-1)).toBe(`[${'.'.repeat(30)}] 0/2`)
    progress.step(passed, 0)
    expect(written.at(-1)).toBe(`[${'#'.repeat(15)}${'.'.repeat(15)}] 1/2`)
    progress.step(failed, 1)
    progress.finish()
    const text = written.join('')
    expect(text).toContain('\r\u001b[2K\u001b[32mPASS\u001b[0m 1/2 i 200')
    expect(text.endsWith('\u001b[33m!\u001b[0m {{noteId}} has no value\n')).toBe(true)
  })
})

describe('the output filter', () => {
  it('replaces every token occurrence in everything written', () => {
    const { written, output } = recorder(false)
    const filtered = redactedOutput(output, redactor(['0woY6cYG8XiVlVai', null]))
    filtered.write('got "0woY6cYG8XiVlVai" and 0woY6cYG8XiVlVai\n')
    expect(written).toEqual(['got "***" and ***\n'])
  })
})
