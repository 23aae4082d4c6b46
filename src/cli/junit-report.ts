import type { RunOutcome } from './run-outcome.ts'

/**
 * JUnit XML as CI servers read it (GitHub's test reporters, GitLab, Jenkins): one test suite per
 * folder, one test case per request, a failed check as a <failure>, a request the run stopped
 * before as <skipped>.
 */
export function junitReport(outcome: RunOutcome): string {
  const suites = new Map<string, string[]>()
  const counts = new Map<
    string,
    { tests: number; failures: number; skipped: number; time: number }
  >()
  const suiteOf = (path: string) => {
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
    return folder === '' ? outcome.collection : `${outcome.collection}/${folder}`
  }
  const add = (suite: string, xml: string, failed: boolean, skipped: boolean, ms: number) => {
    suites.set(suite, [...(suites.get(suite) ?? []), xml])
    const count = counts.get(suite) ?? { tests: 0, failures: 0, skipped: 0, time: 0 }
    count.tests++
    if (failed) count.failures++
    if (skipped) count.skipped++
    count.time += ms
    counts.set(suite, count)
  }
  for (const request of outcome.requests) {
    const suite = suiteOf(request.path)
    const attributes = `name="${xml(request.name)}" classname="${xml(suite)}" time="${seconds(request.durationMs ?? 0)}"`
    const children = [
      ...(request.passed
        ? []
        : [
            `<failure message="${xml(request.failures[0] ?? 'failed')}" type="${request.status === null ? 'no-response' : 'check'}">${xml(request.failures.join('\n'))}</failure>`,
          ]),
      ...(request.warnings.length
        ? [`<system-out>${xml(request.warnings.join('\n'))}</system-out>`]
        : []),
    ]
    add(suite, testcase(attributes, children), !request.passed, false, request.durationMs ?? 0)
  }
  for (const path of outcome.notRun) {
    const suite = suiteOf(path)
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.request\.json$/, '')
    const attributes = `name="${xml(name)}" classname="${xml(suite)}" time="0.000"`
    add(
      suite,
      testcase(attributes, ['<skipped message="not run: the run stopped before it"/>']),
      false,
      true,
      0,
    )
  }
  const total = [...counts.values()].reduce(
    (sum, count) => ({
      tests: sum.tests + count.tests,
      failures: sum.failures + count.failures,
      skipped: sum.skipped + count.skipped,
    }),
    { tests: 0, failures: 0, skipped: 0 },
  )
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="misskey-explorer run" tests="${total.tests}" failures="${total.failures}" skipped="${total.skipped}" errors="0" time="${seconds(outcome.durationMs)}">`,
  ]
  for (const [suite, cases] of suites) {
    const count = counts.get(suite)!
    lines.push(
      `  <testsuite name="${xml(suite)}" tests="${count.tests}" failures="${count.failures}" skipped="${count.skipped}" errors="0" time="${seconds(count.time)}" timestamp="${xml(outcome.startedAt)}">`,
      ...cases,
      '  </testsuite>',
    )
  }
  lines.push('</testsuites>', '')
  return lines.join('\n')
}

function testcase(attributes: string, children: string[]): string {
  if (children.length === 0) return `    <testcase ${attributes}/>`
  return [
    `    <testcase ${attributes}>`,
    ...children.map((child) => `      ${child}`),
    '    </testcase>',
  ].join('\n')
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3)
}

/** Text for an XML attribute or element; characters XML 1.0 cannot hold are dropped. */
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  )
}
