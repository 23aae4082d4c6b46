import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCollection } from '../src/main/collections/collection.ts'
import { serializeRequest } from '../src/main/collections/request-file.ts'
import { ms, report, timeAsync } from './measure.ts'

const requestCount = 1000
const endpoints = [
  'notes/create',
  'notes/show',
  'notes/timeline',
  'users/show',
  'i',
  'meta',
  'drive/files',
  'antennas/list',
]

/** 1,000 saved requests in 20 folders of 50, as files the app writes. */
async function seedCollection(directory: string): Promise<void> {
  for (let folder = 0; folder < 20; folder++) {
    const path = join(directory, `folder ${folder}`)
    await mkdir(path)
    const writes = []
    for (let index = 0; index < requestCount / 20; index++) {
      const endpoint = endpoints[index % endpoints.length]!
      const body = JSON.stringify(
        {
          text: `request ${folder}-${index}`,
          limit: 10,
          visibility: 'public',
          noteId: '{{noteId}}',
        },
        null,
        2,
      )
      const text = serializeRequest({
        name: `${endpoint} ${index}`,
        origin: 'https://misskey.example',
        endpoint,
        authMode: 'header',
        accountLabel: 'alice',
        body,
        notes: 'Made for the benchmark.',
        captures: [{ variable: 'noteId', path: 'createdNote.id' }],
      })
      writes.push(
        writeFile(join(path, `${endpoint.replace(/\//g, '-')} ${index}.request.json`), text),
      )
    }
    await Promise.all(writes)
  }
}

/** Opening (listing and parsing) a collection of 1,000 requests, against reading the files raw. */
export async function benchCollections(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-collection-'))
  try {
    await seedCollection(directory)
    const collection = openCollection(directory)
    const raw = await timeAsync(20, async () => {
      for (const folder of await readdir(directory)) {
        const names = await readdir(join(directory, folder))
        await Promise.all(names.map((name) => readFile(join(directory, folder, name), 'utf8')))
      }
    })
    const listing = await timeAsync(20, async () => {
      const tree = await collection.list()
      if (!tree.ok) throw new Error(tree.error.message)
    })
    report(`Collection open, ${requestCount} requests in 20 folders`, [
      ['read the 1,000 files raw (baseline)', `median ${ms(raw.median)}, p95 ${ms(raw.p95)}`],
      [
        'list + parse + validate (ours)',
        `median ${ms(listing.median)}, p95 ${ms(listing.p95)}  (target ≤ 300 ms)`,
      ],
      ['ratio ours / raw', `${(listing.median / raw.median).toFixed(2)}×`],
    ])
  } finally {
    await rm(directory, { recursive: true, force: true })
  }
}
