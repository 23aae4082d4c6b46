import type { HistoryOutcome, HistoryRecordInput } from '../../../shared/history.ts'

type ResponseOutcome = Extract<HistoryOutcome, { kind: 'response' }>

/** A 200 JSON answer from notes/create, changed by `overrides`. */
export function responseOutcome(overrides: Partial<ResponseOutcome> = {}): ResponseOutcome {
  return {
    kind: 'response',
    status: 200,
    statusText: 'OK',
    durationMs: 42,
    sizeBytes: 60,
    contentType: 'application/json; charset=utf-8',
    headers: [['content-type', 'application/json; charset=utf-8']],
    body: {
      kind: 'json',
      text: '{\n  "createdNote": {\n    "id": "9abc",\n    "text": "hello"\n  }\n}',
    },
    problem: null,
    ...overrides,
  }
}

/** A realistic recorded request: a JSON answer from notes/create, or whatever `overrides` say. */
export function sampleInput(overrides: Partial<HistoryRecordInput> = {}): HistoryRecordInput {
  return {
    sentAt: 1_750_000_000_000,
    origin: 'https://misskey.example',
    accountLabel: 'alice',
    endpoint: 'notes/create',
    authMode: 'header',
    requestBody: '{\n  "text": "hello"\n}',
    outcome: responseOutcome(),
    ...overrides,
  }
}

/** What a Misskey error answer looks like once the request sender has read it. */
export function misskeyError(status: number, code: string, message: string): ResponseOutcome {
  return responseOutcome({
    status,
    statusText: status === 404 ? 'Not Found' : 'Bad Request',
    durationMs: 12,
    sizeBytes: 120,
    body: { kind: 'json', text: JSON.stringify({ error: { code, message } }, null, 2) },
    problem: { kind: 'misskey', code, message, id: 'x', errorKind: 'client', info: null },
  })
}

/** The crash test's request bodies: tagged with run and count, sizes up to ~120 kB. */
export function crashBody(runTag: string, count: number): string {
  return JSON.stringify({ text: `${runTag}-${count}`, pad: 'x'.repeat((count % 5) * 30_000) })
}
