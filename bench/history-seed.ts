import { randomUUID } from 'node:crypto'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sharedFixture } from '../test-kit/support/shared-fixtures.ts'
import type { HistoryRecordInput } from '../src/shared/history.ts'
import { buildEntry } from '../src/main/history/history-entry.ts'
import { HistoryDatabase, type EntryToInsert } from '../src/main/history/history-database.ts'
import { encodeRecord, logFormat, logVersion } from '../src/main/history/log-format.ts'

/** Notes as a real server sends them: the shared local timeline when present, else made up. */
async function sampleNotes(): Promise<unknown[]> {
  const path = sharedFixture('local-timeline-100.json')
  if (path) return JSON.parse(await readFile(path, 'utf8')) as unknown[]
  return Array.from({ length: 100 }, (_, index) => ({
    id: `9x${index.toString(36).padStart(8, '0')}`,
    createdAt: new Date(1_750_000_000_000 + index * 60_000).toISOString(),
    user: { id: 'u1', username: 'alice', name: 'Alice', host: null, avatarUrl: null, emojis: {} },
    text: `note number ${index} with some words in it`,
    visibility: 'public',
    reactions: { '👍': index % 5 },
    fileIds: [],
    files: [],
  }))
}

const endpoints = [
  'notes/create',
  'notes/show',
  'notes/timeline',
  'i',
  'meta',
  'users/show',
  'notes/reactions/create',
  'drive/files',
]
const origins = ['https://misskey.example', 'https://misskey.io', 'http://127.0.0.1:3000']
const words = ['hello', 'report', 'meeting', 'lunch', 'bug', 'release', 'draft', 'weather']

/** One plausible recorded request per index: mostly small answers, some timelines, some errors. */
function makeInput(index: number, notes: unknown[]): HistoryRecordInput {
  const endpoint = endpoints[index % endpoints.length]!
  const sentAt = 1_700_000_000_000 + index * 30_000
  const base = {
    sentAt,
    origin: origins[index % 3]!,
    accountLabel: index % 4 === 0 ? null : `account${index % 5}`,
    endpoint,
    authMode: index % 4 === 0 ? ('none' as const) : ('header' as const),
    requestBody: JSON.stringify(
      { text: `${words[index % words.length]} ${index}`, limit: 10 },
      null,
      2,
    ),
  }
  if (index % 50 === 7) {
    return {
      ...base,
      outcome: {
        kind: 'failure',
        code: 'TIMEOUT',
        message: 'did not answer within 30 s',
        durationMs: 30_000,
      },
    }
  }
  if (index % 20 === 3) {
    const text = JSON.stringify(
      { error: { code: 'NO_SUCH_NOTE', message: 'No such note.', id: '490be23f', kind: 'client' } },
      null,
      2,
    )
    return {
      ...base,
      outcome: {
        kind: 'response',
        status: 400,
        statusText: 'Bad Request',
        durationMs: 20,
        sizeBytes: text.length,
        contentType: 'application/json',
        headers: [['content-type', 'application/json']],
        body: { kind: 'json', text },
        problem: {
          kind: 'misskey',
          code: 'NO_SUCH_NOTE',
          message: 'No such note.',
          id: '490be23f',
          errorKind: 'client',
          info: null,
        },
      },
    }
  }
  // A timeline answer now and then (10 notes), one note otherwise.
  const count = endpoint === 'notes/timeline' ? 10 : 1
  const start = index % (notes.length - count)
  const value = count === 1 ? notes[start] : notes.slice(start, start + count)
  const text = JSON.stringify(value, null, 2)
  return {
    ...base,
    outcome: {
      kind: 'response',
      status: 200,
      statusText: 'OK',
      durationMs: 40 + (index % 200),
      sizeBytes: text.length,
      contentType: 'application/json; charset=utf-8',
      headers: [
        ['content-type', 'application/json; charset=utf-8'],
        ['x-request-id', String(index)],
      ],
      body: { kind: 'json', text },
      problem: null,
    },
  }
}

/** A one-note answer, small enough that a million of them stay under the 1 GiB body cap. */
function smallInput(index: number): HistoryRecordInput {
  const input = makeInput(index, [{}, {}])
  if (input.outcome.kind !== 'response' || input.outcome.status !== 200) return input
  const text = JSON.stringify({
    id: `9x${index.toString(36)}`,
    text: `${words[(index * 7) % words.length]} note ${index} lorem ipsum dolor sit amet elit`,
    user: { username: `user${index % 100}` },
  })
  return {
    ...input,
    outcome: { ...input.outcome, sizeBytes: text.length, body: { kind: 'json', text } },
  }
}

/**
 * The bench's bulk path: writes `count` entries straight into the database in large
 * transactions (what `count` acknowledged appends would leave, much faster). `bodies: 'small'`
 * gives each answer one short note (for the million), `'timeline'` the real notes.
 */
export async function seedHistory(
  directory: string,
  count: number,
  options: { bodies: 'timeline' | 'small'; legacyLog?: string },
): Promise<{ databaseBytes: number }> {
  const notes = options.bodies === 'timeline' ? await sampleNotes() : []
  const limits = { maxBodyBytes: 2 * 1024 * 1024, indexedRequestChars: 4096 }
  const { database } = HistoryDatabase.open(directory, { now: Date.now() })
  const legacyLines: string[] = []
  try {
    let batch: EntryToInsert[] = []
    for (let index = 0; index < count; index++) {
      const input = options.bodies === 'timeline' ? makeInput(index, notes) : smallInput(index)
      const { stored, body } = buildEntry(input, { id: randomUUID(), seq: index + 1 }, limits)
      batch.push({ entry: stored, body })
      if (options.legacyLog) legacyLines.push(encodeRecord({ type: 'add', entry: stored }))
      if (batch.length === 20_000) {
        database.bulkInsert(batch)
        batch = []
      }
    }
    database.bulkInsert(batch)
    database.compact()
  } finally {
    database.close()
  }
  if (options.legacyLog) {
    const header = encodeRecord({ type: 'header', format: logFormat, version: logVersion })
    await writeFile(options.legacyLog, header + legacyLines.join(''))
  }
  return { databaseBytes: (await stat(join(directory, 'history.db'))).size }
}
