import { describe, expect, it } from 'vitest'
import { checkResponse, hasExpectations, sameJson, type CheckedResponse } from './expectations.ts'

const json = (value: unknown, status = 200, durationMs = 40): CheckedResponse => ({
  status,
  durationMs,
  body: { kind: 'json', text: JSON.stringify(value) },
})

const noSuchNote: CheckedResponse = {
  status: 400,
  durationMs: 10,
  body: { kind: 'json', text: '{"error":{}}' },
  problem: {
    kind: 'misskey',
    code: 'NO_SUCH_NOTE',
    message: 'No such note.',
    id: null,
    errorKind: null,
    info: null,
  },
}

describe('checking a response against a request’s expectations', () => {
  it('asks only for a 2xx status when there are none', () => {
    expect(checkResponse(undefined, json({}))).toEqual([{ name: 'status is 2xx', passed: true }])
    expect(checkResponse({}, { status: 204, body: { kind: 'empty' } })[0]?.passed).toBe(true)
    expect(checkResponse(undefined, noSuchNote)).toEqual([
      { name: 'status is 2xx', passed: false, reason: 'got 400 NO_SUCH_NOTE' },
    ])
  })

  it('checks an exact status and a Misskey error code instead of 2xx', () => {
    expect(
      checkResponse({ status: 400, errorCode: 'NO_SUCH_NOTE' }, noSuchNote).every(
        (check) => check.passed,
      ),
    ).toBe(true)
    expect(checkResponse({ errorCode: 'NO_SUCH_NOTE' }, noSuchNote)).toEqual([
      { name: 'error code is NO_SUCH_NOTE', passed: true },
    ])
    expect(checkResponse({ errorCode: 'NO_SUCH_USER' }, json({}))).toEqual([
      {
        name: 'error code is NO_SUCH_USER',
        passed: false,
        reason: 'got 200 without a Misskey error',
      },
    ])
    expect(checkResponse({ status: 201 }, json({}))[0]).toEqual({
      name: 'status is 201',
      passed: false,
      reason: 'got 200',
    })
  })

  it('checks the response time', () => {
    expect(checkResponse({ durationUnderMs: 50 }, json({}, 200, 49))[1]?.passed).toBe(true)
    expect(checkResponse({ durationUnderMs: 50 }, json({}, 200, 50))[1]).toEqual({
      name: 'time under 50 ms',
      passed: false,
      reason: 'took 50 ms',
    })
  })

  it('checks JSON paths: equal, there or not, matching', () => {
    const body = json({
      createdNote: { text: 'hi', tags: ['a'], user: { username: 'alice' }, cw: null },
    })
    const checks = checkResponse(
      {
        json: [
          { path: 'createdNote.text', equals: 'hi' },
          { path: 'createdNote.tags', equals: ['a'] },
          { path: 'createdNote.cw', equals: null },
          { path: 'createdNote.cw', exists: true },
          { path: 'createdNote.poll', exists: false },
          { path: 'createdNote.user.username', matches: '^ali' },
          { path: 'createdNote.text', equals: 'bye' },
          { path: 'createdNote.user.host', exists: true },
          { path: 'createdNote.text', matches: '(' },
        ],
      },
      body,
    )
    expect(checks.slice(1).map((check) => [check.name, check.passed, check.reason])).toEqual([
      ['createdNote.text equals "hi"', true, undefined],
      ['createdNote.tags equals ["a"]', true, undefined],
      ['createdNote.cw equals null', true, undefined],
      ['createdNote.cw exists', true, undefined],
      ['createdNote.poll does not exist', true, undefined],
      ['createdNote.user.username matches /^ali/', true, undefined],
      ['createdNote.text equals "bye"', false, 'got "hi"'],
      ['createdNote.user.host exists', false, 'createdNote.user.host is not in the response'],
      ['createdNote.text matches /(/', false, expect.stringContaining('not a regular expression')],
    ])
  })

  it('fails JSON checks on a body that is not JSON', () => {
    const text: CheckedResponse = {
      status: 200,
      body: { kind: 'text', text: 'ok', invalidJson: false },
    }
    expect(checkResponse({ json: [{ path: 'a', exists: false }] }, text)[1]).toEqual({
      name: 'a does not exist',
      passed: false,
      reason: 'the response is not JSON',
    })
  })

  it('fails JSON checks, without throwing, on an answer labelled JSON that does not parse', () => {
    // Main hands a 2xx JSON answer over unparsed (ResponseBody): the check is where it parses.
    const cut: CheckedResponse = { status: 200, body: { kind: 'json', text: '{"createdNote":' } }
    expect(checkResponse({ json: [{ path: 'createdNote', exists: true }] }, cut)[1]).toEqual({
      name: 'createdNote exists',
      passed: false,
      reason: 'the response says it is JSON but does not parse',
    })
  })

  it('knows when a request has any', () => {
    expect(hasExpectations(undefined)).toBe(false)
    expect(hasExpectations({ json: [] })).toBe(false)
    expect(hasExpectations({ status: 200 })).toBe(true)
  })

  it('compares objects whatever their key order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameJson([1], { 0: 1 })).toBe(false)
  })
})
