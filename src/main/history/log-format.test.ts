import { expect, it } from 'vitest'
import { encodeRecord, scanLog, type LogRecord } from './log-format.ts'

const header: LogRecord = { type: 'header', format: 'misskey-explorer-history', version: 1 }
const pin = (id: string): LogRecord => ({ type: 'pin', id, pinned: true })

function scan(text: string | Buffer) {
  const records: LogRecord[] = []
  const result = scanLog(Buffer.isBuffer(text) ? text : Buffer.from(text), (record) =>
    records.push(record),
  )
  return { records, ...result }
}

it('reads back what it wrote, non-ASCII text included', () => {
  const text = [header, pin('ünïcödé 🎉'), { type: 'delete', ids: ['a', 'b'] } as LogRecord]
    .map(encodeRecord)
    .join('')
  const result = scan(text)
  expect(result.records).toEqual([header, pin('ünïcödé 🎉'), { type: 'delete', ids: ['a', 'b'] }])
  expect(result).toMatchObject({
    badLines: 0,
    tornTailBytes: 0,
    goodBytes: Buffer.byteLength(text),
  })
})

it('tells a torn last line (no newline yet) from a damaged one', () => {
  const good = encodeRecord(header) + encodeRecord(pin('a'))
  const torn = scan(good + encodeRecord(pin('b')).slice(0, 20))
  expect(torn).toMatchObject({ badLines: 0, tornTailBytes: 20, goodBytes: Buffer.byteLength(good) })
  expect(torn.records).toHaveLength(2)
})

it('skips lines whose checksum does not match, counts them, and reads on', () => {
  const flipped = encodeRecord(pin('a')).replace('"a"', '"b"')
  const result = scan(encodeRecord(header) + flipped + encodeRecord(pin('c')))
  expect(result.records).toEqual([header, pin('c')])
  expect(result.badLines).toBe(1)
})

it('rejects lines that are not records: no prefix, bad JSON with a right checksum, empty lines skipped', () => {
  const result = scan(`${encodeRecord(header)}garbage\n\n00000000 {\n${encodeRecord(pin('z'))}`)
  expect(result.records).toEqual([header, pin('z')])
  expect(result.badLines).toBe(2)
})

it('reads a zero-filled tail (a power cut on some file systems) as torn, not as data', () => {
  const good = Buffer.from(encodeRecord(header))
  const result = scan(Buffer.concat([good, Buffer.alloc(4096)]))
  expect(result).toMatchObject({ goodBytes: good.length, tornTailBytes: 4096, badLines: 0 })
})
