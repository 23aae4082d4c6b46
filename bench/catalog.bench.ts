import { readFileSync } from 'node:fs'
import { buildCatalog } from '../src/main/catalog/build-catalog.ts'
import type { OpenApiDocument } from '../src/main/catalog/openapi-document.ts'
import { createEndpointIndex } from '../src/shared/endpoint-search.ts'
import { sharedFixture } from '../test-kit/support/shared-fixtures.ts'
import { buildFakeSpec } from '../test-kit/fake-misskey/spec.ts'
import { ms, report, time } from './measure.ts'

/** Catalog build and picker filtering, on the real api.json when present (else on the fake's). */
export function benchCatalog(): void {
  const realPath = sharedFixture('api.json')
  const text = realPath
    ? readFileSync(realPath, 'utf8')
    : JSON.stringify(buildFakeSpec('http://127.0.0.1:1'))
  const source = realPath
    ? `real api.json (${(text.length / 1e6).toFixed(2)} MB)`
    : 'the fake server spec (no ../shared)'

  const parseOnly = time(30, () => void JSON.parse(text))
  const build = time(30, () => void buildCatalog(JSON.parse(text) as OpenApiDocument))
  const catalog = buildCatalog(JSON.parse(text) as OpenApiDocument)
  report(`Catalog build from ${source}, ${catalog.endpoints.length} endpoints`, [
    ['JSON.parse alone (baseline)', `median ${ms(parseOnly.median)}, p95 ${ms(parseOnly.p95)}`],
    ['parse + buildCatalog', `median ${ms(build.median)}, p95 ${ms(build.p95)}  (target < 150 ms)`],
    ['ratio build / parse', `${(build.median / parseOnly.median).toFixed(2)}×`],
  ])

  // Typing queries letter by letter, as a user does in the picker.
  const queries = [
    'notes/create',
    'drive files',
    'admin',
    'ntcr',
    'reaction',
    'i/',
    'post a note',
    'notificatoins',
    'ノートを投稿',
    'ホームタイムライン',
  ]
  const keystrokes = queries.flatMap((query) =>
    [...query].map((_, index) => query.slice(0, index + 1)),
  )
  const indexBuild = time(50, () => void createEndpointIndex(catalog.endpoints))
  const index = createEndpointIndex(catalog.endpoints)
  const searchPerKey = time(20, () => {
    for (const keystroke of keystrokes) index.search(keystroke)
  })
  const naivePerKey = time(20, () => {
    for (const keystroke of keystrokes)
      catalog.endpoints.filter((endpoint) => endpoint.name.includes(keystroke))
  })
  const perKey = (total: number) => total / keystrokes.length
  report(
    `Picker filtering, ${keystrokes.length} keystrokes over ${catalog.endpoints.length} endpoints`,
    [
      ['index build (once per catalog)', `median ${ms(indexBuild.median)}`],
      [
        'ranked search per keystroke',
        `median ${ms(perKey(searchPerKey.median))}, p95 ${ms(perKey(searchPerKey.p95))}  (target < 10 ms)`,
      ],
      ['naive name.includes per keystroke', `median ${ms(perKey(naivePerKey.median))} (baseline)`],
      ['ratio ranked / naive', `${(searchPerKey.median / naivePerKey.median).toFixed(2)}×`],
    ],
  )
}
