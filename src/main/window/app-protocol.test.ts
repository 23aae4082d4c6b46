import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { handleAppRequest } from './app-protocol.ts'

let root: string
let renderer: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'app-protocol-'))
  renderer = join(root, 'renderer')
  await mkdir(join(renderer, 'assets'), { recursive: true })
  await writeFile(join(renderer, 'index.html'), '<!doctype html>')
  await writeFile(join(renderer, 'assets', 'a.js'), 'export {}')
  await writeFile(join(root, 'secret.txt'), 'outside')
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('app:// protocol', () => {
  it('serves the page and its assets with their content types', async () => {
    const page = await handleAppRequest(renderer, 'app://explorer/')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    const script = await handleAppRequest(renderer, 'app://explorer/assets/a.js')
    expect(script.headers.get('content-type')).toContain('text/javascript')
  })

  it('refuses other hosts, missing files and paths that escape the renderer folder', async () => {
    expect((await handleAppRequest(renderer, 'app://other/index.html')).status).toBe(404)
    expect((await handleAppRequest(renderer, 'app://explorer/missing.js')).status).toBe(404)
    expect((await handleAppRequest(renderer, 'app://explorer/..%2Fsecret.txt')).status).toBe(404)
    expect((await handleAppRequest(renderer, 'app://explorer/%2e%2e/secret.txt')).status).toBe(404)
    expect((await handleAppRequest(renderer, 'app://explorer/%E0%A4%A')).status).toBe(404)
  })
})
