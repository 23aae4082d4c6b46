import { describe, expect, it } from 'vitest'
import { jsonReport } from './json-report.ts'
import { junitReport } from './junit-report.ts'
import type { RequestOutcome, RunOutcome } from './run-outcome.ts'
import { summaryTable } from './summary-table.ts'

function outcome(overrides: Partial<RequestOutcome>): RequestOutcome {
  return {
    name: 'Create a note',
    path: 'notes/Create a note.request.json',
    endpoint: 'notes/create',
    status: 200,
    durationMs: 12.4,
    passed: true,
    checks: [{ name: 'status is 2xx', passed: true }],
    failures: [],
    warnings: [],
    captured: ['noteId'],
    ...overrides,
  }
}

const run: RunOutcome = {
  collection: 'smoke',
  server: 'https://misskey.example',
  startedAt: '2026-12-02T10:00:00.000Z',
  durationMs: 1234.6,
  requests: [
    outcome({}),
    outcome({
      name: 'Show <it> & "check"',
      path: 'notes/Show.request.json',
      endpoint: 'notes/show',
      passed: false,
      checks: [
        { name: 'status is 2xx', passed: true },
        { name: 'text equals "hi"', passed: false, reason: 'got "bye"' },
      ],
      failures: ['text equals "hi": got "bye"'],
      warnings: ['{{userId}} has no value'],
    }),
    outcome({
      name: 'Meta',
      path: 'Meta.request.json',
      endpoint: 'meta',
      status: null,
      durationMs: null,
      passed: false,
      checks: [],
      failures: ['misskey.example did not answer within 30 s.'],
    }),
  ],
  notRun: ['users/Show a user.request.json'],
}

describe('the JUnit report', () => {
  const xml = junitReport(run)

  it('has totals CI reads, a suite per folder and a case per request', () => {
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="misskey-explorer run" tests="4" failures="2" skipped="1" errors="0" time="1.235">/,
    )
    expect(xml).toContain(
      '<testsuite name="smoke/notes" tests="2" failures="1" skipped="0" errors="0" time="0.025"',
    )
    expect(xml).toContain('<testsuite name="smoke" tests="1" failures="1"')
    expect(xml).toContain('<testcase name="Create a note" classname="smoke/notes" time="0.012"/>')
  })

  it('escapes names and reasons, and tells a failed check from no response', () => {
    expect(xml).toContain('<testcase name="Show &lt;it&gt; &amp; &quot;check&quot;"')
    expect(xml).toContain(
      '<failure message="text equals &quot;hi&quot;: got &quot;bye&quot;" type="check">',
    )
    expect(xml).toContain('<system-out>{{userId}} has no value</system-out>')
    expect(xml).toContain(
      '<failure message="misskey.example did not answer within 30 s." type="no-response">',
    )
  })

  it('lists requests the run stopped before as skipped', () => {
    expect(xml).toContain(
      '<testcase name="Show a user" classname="smoke/users" time="0.000">\n      <skipped message="not run: the run stopped before it"/>',
    )
  })

  it('drops characters XML cannot hold', () => {
    const text = junitReport({
      ...run,
      requests: [outcome({ name: 'bell\u0007 here' })],
      notRun: [],
    })
    expect(text).toContain('name="bell here"')
  })
})

describe('the JSON report', () => {
  it('has totals first and each request with its checks', () => {
    const report = JSON.parse(jsonReport(run))
    expect(report).toMatchObject({
      tool: 'misskey-explorer run',
      collection: 'smoke',
      durationMs: 1235,
      totals: { requests: 3, passed: 1, failed: 2, notRun: 1 },
      notRun: ['users/Show a user.request.json'],
    })
    expect(report.requests[1]).toEqual({
      name: 'Show <it> & "check"',
      path: 'notes/Show.request.json',
      endpoint: 'notes/show',
      passed: false,
      status: 200,
      durationMs: 12,
      checks: [
        { name: 'status is 2xx', passed: true },
        { name: 'text equals "hi"', passed: false, reason: 'got "bye"' },
      ],
      failures: ['text equals "hi": got "bye"'],
      warnings: ['{{userId}} has no value'],
      captured: ['noteId'],
    })
  })
})

describe('the summary table', () => {
  it('counts, and names each failed request with its first reason', () => {
    const text = summaryTable(run)
    expect(text).toMatch(
      /requests\s+4\n\s+passed\s+1\n\s+failed\s+2\n\s+not run\s+1\n\s+checks\s+2\/3 passed/,
    )
    expect(text).toContain(
      'Failed:\n  notes/Show.request.json  text equals "hi": got "bye"\n  Meta.request.json        misskey.example did not answer',
    )
  })
})
