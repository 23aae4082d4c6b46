import { expect, it } from 'vitest'
import { fail, ok } from '../../shared/result.ts'
import { runRequests, type PreparedRequest, type RunResponse } from './run-requests.ts'
import { draft } from './testing/collection-fixtures.ts'

const json = (value: unknown, status = 200): RunResponse => ({
  status,
  body: { kind: 'json', text: JSON.stringify(value, null, 2) },
})

it('runs in order, filling each body with what earlier responses captured', async () => {
  const sent: PreparedRequest[] = []
  const report = await runRequests(
    [
      draft({
        name: 'create',
        body: '{"text":"{{greeting}}"}',
        captures: [{ variable: 'noteId', path: 'createdNote.id' }],
      }),
      draft({
        name: 'react',
        endpoint: 'notes/reactions/create',
        body: '{"noteId":"{{noteId}}","reaction":"👍"}',
      }),
      draft({
        name: 'delete',
        endpoint: 'notes/delete',
        body: '{"noteId":"{{noteId}}","x":"{{missing}}"}',
      }),
    ],
    {
      variables: { greeting: 'hi' },
      send: async (request) => {
        sent.push(request)
        return ok(
          request.endpoint === 'notes/create'
            ? json({ createdNote: { id: '9abc' } })
            : { status: 204, body: { kind: 'empty' } },
        )
      },
    },
  )
  expect(sent.map((request) => request.body)).toEqual([
    '{"text":"hi"}',
    '{"noteId":"9abc","reaction":"👍"}',
    '{"noteId":"9abc","x":"{{missing}}"}',
  ])
  expect(report.variables).toEqual({ greeting: 'hi', noteId: '9abc' })
  expect(report.steps.map((step) => [step.name, step.captured, step.unknownVariables])).toEqual([
    ['create', { noteId: '9abc' }, []],
    ['react', {}, []],
    ['delete', {}, ['missing']],
  ])
  expect(report.stopped).toBe(false)
})

it('reports captures that found nothing and requests that got no answer', async () => {
  const report = await runRequests(
    [
      draft({ captures: [{ variable: 'id', path: 'createdNote.id' }] }),
      draft({ captures: [{ variable: 'id', path: 'x' }] }),
      draft({ captures: [{ variable: 'id', path: 'x' }] }),
    ],
    {
      variables: {},
      send: async () => fail('TIMEOUT', 'no answer'),
    },
  )
  expect(report.steps.map((step) => step.outcome.ok)).toEqual([false, false, false])
  expect(report.steps[0]!.captureProblems).toEqual(['no response to capture from'])

  const notJson = await runRequests([draft({ captures: [{ variable: 'id', path: 'a' }] })], {
    variables: {},
    send: async () =>
      ok({ status: 200, body: { kind: 'text', text: 'hello', invalidJson: false } }),
  })
  expect(notJson.steps[0]!.captureProblems).toEqual(['id: the response is not JSON'])
})

it('stops at the first failure when asked to', async () => {
  let calls = 0
  const report = await runRequests([draft(), draft(), draft()], {
    variables: {},
    stopOnFailure: true,
    send: async () => (++calls === 2 ? ok(json({ error: {} }, 400)) : ok(json({}))),
  })
  expect(calls).toBe(2)
  expect(report).toMatchObject({ stopped: true })
  expect(report.steps).toHaveLength(2)
})

it('judges each response by its request’s expectations, and stops at a failed check when asked to', async () => {
  let calls = 0
  const report = await runRequests(
    [
      // An error the request expects is a pass, and does not stop the run.
      draft({ expectations: { status: 400 } }),
      draft({ expectations: { json: [{ path: 'createdNote.text', equals: 'bye' }] } }),
      draft(),
    ],
    {
      variables: {},
      stopOnFailure: true,
      send: async () =>
        ++calls === 1 ? ok(json({ error: {} }, 400)) : ok(json({ createdNote: { text: 'hi' } })),
    },
  )
  expect(report.steps.map((step) => step.passed)).toEqual([true, false])
  expect(report.steps[1]!.checks[1]).toEqual({
    name: 'createdNote.text equals "bye"',
    passed: false,
    reason: 'got "hi"',
  })
  expect(report).toMatchObject({ stopped: true })
})
