import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import {
  fakeSpec,
  readRealSpec,
  readSharedJson,
  requestSchemasOf,
} from '../../test-kit/support/real-spec.ts'
import type { JsonSchema } from './catalog.ts'
import { nextPageBody, pageCursorsOf } from './pagination.ts'
import { sampleRequiredBody } from './schema-sample.ts'

const timeline: JsonSchema = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
    sinceId: { type: 'string', format: 'misskey:id' },
    untilId: { type: 'string', format: 'misskey:id' },
    sinceDate: { type: 'integer' },
    untilDate: { type: 'integer' },
    allowPartial: { type: 'boolean', default: false },
  },
}
const offsetList: JsonSchema = {
  type: 'object',
  properties: {
    limit: { type: 'integer', default: 10 },
    offset: { type: 'integer', default: 0 },
  },
}

/** Notes as Misskey sends them: aidx ids, newest first unless asked otherwise. */
const notes = (count: number, order: 'newest-first' | 'oldest-first' = 'newest-first') => {
  const list = Array.from({ length: count }, (_, index) => ({
    id: `au23bx7ghj5z${String(100 + index).padStart(4, '0')}`,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, index)).toISOString(),
  }))
  return order === 'oldest-first' ? list : list.reverse()
}

describe('nextPageBody', () => {
  it('pages older with untilId = the oldest id of a full page, keeping the other fields', () => {
    const page = notes(5)
    const next = nextPageBody(timeline, { limit: 5, withFiles: true }, page)
    expect(next).toEqual({
      body: { limit: 5, withFiles: true, untilId: 'au23bx7ghj5z0100' },
      cursor: 'untilId',
      direction: 'older',
    })
    expect(page.at(-1)!.id).toBe('au23bx7ghj5z0100')
  })

  it("uses the schema's default limit when the body gives none", () => {
    expect(nextPageBody(timeline, {}, notes(10))).toMatchObject({ cursor: 'untilId' })
    expect(nextPageBody(timeline, {}, notes(9))).toMatchObject({ body: null, reason: 'LAST_PAGE' })
  })

  it('pages newer with sinceId = the NEWEST id, which Misskey sends last (oldest first)', () => {
    const page = notes(5, 'oldest-first')
    const next = nextPageBody(timeline, { limit: 5, sinceId: 'au23bx7ghj5z0099' }, page)
    expect(next).toEqual({
      body: { limit: 5, sinceId: 'au23bx7ghj5z0104' },
      cursor: 'sinceId',
      direction: 'newer',
    })
    expect(page.at(-1)!.id).toBe('au23bx7ghj5z0104')
  })

  it('still takes the newest id when a server answers a sinceId request newest first', () => {
    const next = nextPageBody(timeline, { limit: 5, sinceId: 'a' }, notes(5, 'newest-first'))
    expect(next).toMatchObject({ body: { sinceId: 'au23bx7ghj5z0104' } })
  })

  it('moves the upper bound inside a sinceId..untilId range (newest first there)', () => {
    const body = { limit: 5, sinceId: 'au23bx7ghj5z0000', untilId: 'au23bx7ghj5z9999' }
    expect(nextPageBody(timeline, body, notes(5))).toEqual({
      body: { limit: 5, sinceId: 'au23bx7ghj5z0000', untilId: 'au23bx7ghj5z0100' },
      cursor: 'untilId',
      direction: 'older',
    })
  })

  it('trusts the order of the page when ids differ in length (a changed id format)', () => {
    const page = [{ id: '9zzzzzzzzz' }, { id: '9aaaaaaaaa' }, { id: '8zzzzzzzzzzzzzzz' }]
    expect(nextPageBody(timeline, { limit: 3 }, page)).toMatchObject({
      body: { untilId: '8zzzzzzzzzzzzzzz' },
    })
  })

  it('switches a single date bound to the exact id cursor when the schema has it', () => {
    const page = notes(5)
    expect(nextPageBody(timeline, { limit: 5, untilDate: 1_800_000_000_000 }, page)).toEqual({
      body: { limit: 5, untilId: 'au23bx7ghj5z0100' },
      cursor: 'untilId',
      direction: 'older',
    })
    expect(nextPageBody(timeline, { limit: 5, sinceDate: 0 }, notes(5, 'oldest-first'))).toEqual({
      body: { limit: 5, sinceId: 'au23bx7ghj5z0104' },
      cursor: 'sinceId',
      direction: 'newer',
    })
  })

  it('keeps dates for a date range, moving untilDate to the oldest createdAt', () => {
    const body = { limit: 5, sinceDate: 0, untilDate: 1_800_000_000_000 }
    expect(nextPageBody(timeline, body, notes(5))).toEqual({
      body: { limit: 5, sinceDate: 0, untilDate: Date.UTC(2025, 0, 1) },
      cursor: 'untilDate',
      direction: 'older',
    })
  })

  it('uses dates alone where the schema has no ids', () => {
    const datesOnly: JsonSchema = {
      type: 'object',
      properties: { limit: { type: 'integer' }, sinceDate: { type: 'integer' } },
    }
    expect(nextPageBody(datesOnly, { limit: 5, sinceDate: 0 }, notes(5))).toEqual({
      body: { limit: 5, sinceDate: Date.UTC(2025, 0, 1, 0, 0, 4) },
      cursor: 'sinceDate',
      direction: 'newer',
    })
    expect(nextPageBody(datesOnly, { limit: 1, sinceDate: 0 }, [{ id: 'x' }])).toMatchObject({
      body: null,
      reason: 'NO_CURSOR',
    })
  })

  it('adds the number of items to offset', () => {
    expect(nextPageBody(offsetList, { limit: 3 }, [{}, {}, {}])).toEqual({
      body: { limit: 3, offset: 3 },
      cursor: 'offset',
      direction: 'further',
    })
    expect(nextPageBody(offsetList, { limit: 3, offset: 6 }, [1, 2, 3])).toMatchObject({
      body: { offset: 9 },
    })
  })

  it('falls back from ids to offset when items have no ids', () => {
    const both: JsonSchema = {
      type: 'object',
      properties: { untilId: { type: 'string' }, offset: { type: 'integer' } },
    }
    expect(nextPageBody(both, {}, [{ name: 'a' }])).toMatchObject({ body: { offset: 1 } })
    expect(nextPageBody(both, {}, [{ id: 'a' }])).toMatchObject({ body: { untilId: 'a' } })
  })

  it('says why there is no next page', () => {
    expect(nextPageBody(null, {}, notes(3))).toMatchObject({ body: null, reason: 'NOT_PAGINATED' })
    expect(nextPageBody({ type: 'object', properties: { limit: {} } }, {}, [])).toMatchObject({
      reason: 'NOT_PAGINATED',
    })
    expect(nextPageBody(timeline, {}, { createdNote: {} })).toMatchObject({ reason: 'NOT_A_LIST' })
    expect(nextPageBody(timeline, {}, [])).toMatchObject({ reason: 'EMPTY' })
    expect(nextPageBody(timeline, { limit: 5 }, notes(4))).toMatchObject({
      body: null,
      reason: 'LAST_PAGE',
      message: 'The last page had 4 of at most 5 items, so there are no more.',
    })
    expect(nextPageBody(timeline, { limit: 1 }, ['a'])).toMatchObject({ reason: 'NO_CURSOR' })
    expect(nextPageBody(timeline, { untilId: 'x', limit: 1 }, [{}])).toMatchObject({
      reason: 'NO_CURSOR',
    })
  })

  it('goes on after a short page when allowPartial let the server answer short', () => {
    const next = nextPageBody(timeline, { limit: 10, allowPartial: true }, notes(3))
    expect(next).toMatchObject({ cursor: 'untilId', body: { untilId: 'au23bx7ghj5z0100' } })
  })
})

describe('pageCursorsOf', () => {
  it('lists the paging parameters, following $ref and allOf', () => {
    expect(pageCursorsOf(timeline)).toEqual(['untilId', 'sinceId', 'untilDate', 'sinceDate'])
    expect(pageCursorsOf(null)).toEqual([])
    expect(
      pageCursorsOf({
        $ref: '#/$defs/Body',
        $defs: { Body: { allOf: [{ properties: { offset: {} } }, { properties: { limit: {} } }] } },
      }),
    ).toEqual(['offset'])
  })
})

describe('on real material', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false })

  it('pages the fake spec and the real spec: every next body still validates', () => {
    const documents = [fakeSpec(), readRealSpec()].filter((document) => document !== null)
    let paged = 0
    for (const document of documents) {
      for (const { endpoint, schema } of requestSchemasOf(document)) {
        const cursors = pageCursorsOf(schema)
        if (!schema || cursors.length === 0) continue
        const last = { ...sampleRequiredBody(schema), limit: 3 }
        const next = nextPageBody(schema, last, notes(3))
        expect(next.body, endpoint).not.toBeNull()
        expect(ajv.validate(schema, next.body), `${endpoint} ${ajv.errorsText()}`).toBe(true)
        paged++
      }
    }
    expect(paged).toBeGreaterThan(documents.length > 1 ? 90 : 1)
  })

  const timelinePage = readSharedJson('local-timeline-100.json')
  it.skipIf(!timelinePage)('continues a real notes/local-timeline page from its last note', () => {
    const page = timelinePage as Array<{ id: string }>
    const next = nextPageBody(timeline, { limit: 100 }, page)
    expect(next).toMatchObject({ cursor: 'untilId', body: { untilId: page.at(-1)!.id } })
  })
})
