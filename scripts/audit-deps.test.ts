import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

// `npm run audit:deps` where the registry cannot answer (as on this project's machines): the
// locked tree is checked against the committed snapshot, or the run fails unless a documented
// variable lets it pass, and its output says which happened. Run as the real script on small
// project folders; AUDIT_DEPS_REGISTRY=off stands for the registry's 405.
const script = join(import.meta.dirname, 'audit-deps.mjs')
const folders: string[] = []
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true })))

const wsAdvisory = {
  id: 'GHSA-3h5v-q93c-6h6q',
  url: 'https://github.com/advisories/GHSA-3h5v-q93c-6h6q',
  title: 'ws affected by a DoS when handling a request with many HTTP headers',
  severity: 'high',
  vulnerable_versions: '>=8.0.0 <8.17.1',
}
const today = new Date().toISOString().slice(0, 10)

function project(options: {
  ws: string
  devOnly?: boolean
  snapshot?: { takenOn: string } | null
  allow?: string
}) {
  const folder = mkdtempSync(join(tmpdir(), 'audit-deps-'))
  folders.push(folder)
  mkdirSync(join(folder, 'security'))
  const lock = {
    lockfileVersion: 3,
    packages: {
      '': { name: 'fixture' },
      'node_modules/ws': { version: options.ws, ...(options.devOnly ? { dev: true } : {}) },
      'node_modules/vue': { version: '3.5.45' },
    },
  }
  writeFileSync(join(folder, 'package-lock.json'), JSON.stringify(lock))
  if (options.snapshot !== null) {
    const snapshot = { takenOn: today, source: 'test', advisories: { ws: [wsAdvisory] } }
    writeFileSync(
      join(folder, 'security/advisories-snapshot.json'),
      JSON.stringify({ ...snapshot, ...options.snapshot }),
    )
  }
  if (options.allow) writeFileSync(join(folder, 'security/npm-audit-allowlist.tsv'), options.allow)
  return folder
}

function audit(root: string | null, extra: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: {
      ...process.env,
      AUDIT_DEPS_REGISTRY: 'off',
      AUDIT_DEPS_ALLOW_UNCHECKED: '',
      ...(root ? { AUDIT_DEPS_ROOT: root } : {}),
      ...extra,
    },
  })
  return { code: run.status, output: `${run.stdout}${run.stderr}` }
}

describe('audit:deps when the registry cannot answer', () => {
  it('finds an advisory of the locked tree in the snapshot, and fails on it', () => {
    const result = audit(project({ ws: '8.17.0' }))
    expect(result.code).toBe(1)
    expect(result.output).toContain('audit:deps: OFFLINE CHECK')
    expect(result.output).toContain(`taken on ${today}`)
    expect(result.output).toContain('1 high/critical, 0 explained')
    expect(result.output).toContain('UNEXPLAINED high in ws@8.17.0 (node_modules/ws)')
  })

  it('passes a fixed version, an explained advisory, and a dev-only package', () => {
    expect(audit(project({ ws: '8.17.1' }))).toMatchObject({ code: 0 })
    const explained = audit(project({ ws: '8.17.0', allow: 'ws\tGHSA-3h5v-q93c-6h6q\twhy\n' }))
    expect(explained.code).toBe(0)
    expect(explained.output).toContain('1 high/critical, 1 explained')
    expect(audit(project({ ws: '8.17.0', devOnly: true })).code).toBe(0)
  })

  it('fails, saying nothing was checked, without a snapshot or with a stale one', () => {
    for (const snapshot of [null, { takenOn: '2020-01-01' }]) {
      const result = audit(project({ ws: '8.17.0', snapshot }))
      expect(result.code).toBe(1)
      expect(result.output).toContain('audit:deps: FAILED, nothing was checked')
      expect(result.output).toContain('AUDIT_DEPS_ALLOW_UNCHECKED=1')
    }
  })

  it('passes unchecked only when AUDIT_DEPS_ALLOW_UNCHECKED=1 says so, and says so', () => {
    const result = audit(project({ ws: '8.17.0', snapshot: null }), {
      AUDIT_DEPS_ALLOW_UNCHECKED: '1',
    })
    expect(result.code).toBe(0)
    expect(result.output).toContain('UNCHECKED (allowed by AUDIT_DEPS_ALLOW_UNCHECKED=1)')
    expect(result.output).toContain('were NOT checked')
  })

  it('checks this project’s own lock against its committed snapshot', () => {
    const result = audit(null)
    expect(result.output).toContain('audit:deps: OFFLINE CHECK')
    expect(result.code).toBe(0)
  })
})
