import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Catalog, CatalogEndpoint, RequestSchema } from '../../shared/catalog.ts'
import { fail, ok, type Result } from '../../shared/result.ts'
import { useServerStore } from './server.ts'
import { emptyBody, useWorkbenchStore } from './workbench.ts'
import { deferred, installStandInBridge, type StandInBridge } from './testing/stand-in-bridge.ts'

const endpoint = (name: string, multipart = false): CatalogEndpoint => ({
  name,
  tags: [],
  description: '',
  credentialRequired: false,
  permission: null,
  allowGet: false,
  multipart,
  deprecated: false,
  internal: false,
  hasParameters: true,
  sourceUrl: null,
})
const catalog = (origin: string, names: string[]): Catalog => ({
  origin,
  serverVersion: '2025.5.0',
  openapiVersion: '3.1.0',
  source: 'network',
  fetchedAt: 0,
  namesOnly: false,
  notice: null,
  endpoints: names.map((name) => endpoint(name, name === 'drive/files/create')),
})
const schemaOf = (name: string): RequestSchema => ({
  endpoint: name,
  schema: { type: 'object' },
  contentType: 'application/json',
})

let main: StandInBridge
beforeEach(() => {
  setActivePinia(createPinia())
  main = installStandInBridge()
  main.answer('catalog.getRequestSchema', async (_origin, name) => ok(schemaOf(name)))
  main.answer('catalog.getEndpointDocs', async () => ok(null))
})

async function openServer(origin: string, names: string[]) {
  main.answer('catalog.open', async () => ok(catalog(origin, names)))
  await useServerStore().open(origin)
  await nextTick()
}

describe('the workbench store', () => {
  it('keeps one draft per endpoint and server, so switching never loses what was typed', async () => {
    await openServer('https://a.example', ['notes/create', 'meta'])
    const workbench = useWorkbenchStore()
    workbench.select('notes/create')
    workbench.body = '{ "text": "hello" }'
    workbench.select('meta')
    expect(workbench.body).toBe(emptyBody)
    workbench.select('notes/create')
    expect(workbench.body).toBe('{ "text": "hello" }')
  })

  it('asks main for an endpoint’s schema once, and ignores a slow answer for one the user left', async () => {
    await openServer('https://a.example', ['notes/create', 'meta'])
    const slow = deferred<Result<RequestSchema>>()
    main.answer('catalog.getRequestSchema', (_origin, name) =>
      name === 'notes/create' ? slow.promise : Promise.resolve(ok(schemaOf(name))),
    )
    const workbench = useWorkbenchStore()
    workbench.select('notes/create')
    expect(workbench.schema).toEqual({ status: 'loading' })
    workbench.select('meta')
    await expect.poll(() => workbench.schema?.status).toBe('ready')
    slow.resolve(ok(schemaOf('notes/create')))
    await slow.promise
    await nextTick()
    expect(workbench.schema).toMatchObject({ value: { endpoint: 'meta' } })

    workbench.select('notes/create')
    workbench.select('meta')
    const asked = main.argsOf('catalog.getRequestSchema').map((args) => args[1])
    expect(asked).toEqual(['notes/create', 'meta'])
  })

  it('lets go of an endpoint the next server does not have', async () => {
    await openServer('https://a.example', ['notes/create', 'admin/meta'])
    const workbench = useWorkbenchStore()
    workbench.select('admin/meta')
    await openServer('https://b.example', ['notes/create'])
    expect([workbench.selectedName, workbench.selectedEndpoint]).toEqual([null, null])
  })

  it('keeps the chosen upload file per draft, and says why one could not be chosen', async () => {
    await openServer('https://a.example', ['drive/files/create', 'meta'])
    const workbench = useWorkbenchStore()
    workbench.select('drive/files/create')
    main.answer('files.chooseUpload', async () =>
      fail('FILE_EMPTY', 'The file is empty: there is nothing to upload.'),
    )
    await workbench.chooseUploadFile()
    expect(workbench.uploadError?.code).toBe('FILE_EMPTY')
    main.answer('files.chooseUpload', async () =>
      ok({ fileId: 'f1', name: 'cat.png', sizeBytes: 10 }),
    )
    await workbench.chooseUploadFile()
    expect([workbench.uploadError, workbench.upload.file?.name]).toEqual([null, 'cat.png'])
    workbench.select('meta')
    expect(workbench.upload.file).toBeNull()
    workbench.select('drive/files/create')
    expect(workbench.upload.file?.name).toBe('cat.png')
  })
})
