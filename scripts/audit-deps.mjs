#!/usr/bin/env node
// `npm run audit:deps`: fails on any high or critical advisory in what ships with the app
// (production dependencies) unless security/npm-audit-allowlist.tsv explains it. It never passes
// without a check, and its first line says which check ran:
//   1. `npm audit --omit=dev`, when the registry's audit endpoint answers;
//   2. otherwise package-lock.json against security/advisories-snapshot.json, a committed, dated
//      copy of the registry's advisories for the lock's packages (refreshed with
//      `npm run audit:deps -- --update-snapshot` wherever the registry answers);
//   3. otherwise (no snapshot, or one older than 90 days) it fails, unless
//      AUDIT_DEPS_ALLOW_UNCHECKED=1 says to let it pass, and then it says it checked nothing.
// For tests: AUDIT_DEPS_REGISTRY=off skips step 1; AUDIT_DEPS_ROOT reads another project folder.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  bulkRequestBody,
  findAdvisories,
  lockedPackages,
  snapshotAgeDays,
} from './audit/offline-advisories.mjs'

const root = process.env.AUDIT_DEPS_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..')
const snapshotFile = join(root, 'security/advisories-snapshot.json')
const maxSnapshotAgeDays = 90
const serious = (severity) => severity === 'high' || severity === 'critical'

const listFile = join(root, 'security/npm-audit-allowlist.tsv')
const allowed = existsSync(listFile)
  ? readFileSync(listFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split('\t')[0])
  : []

if (process.argv.includes('--update-snapshot')) await updateSnapshot()
else process.exit(audit())

function audit() {
  const registry = process.env.AUDIT_DEPS_REGISTRY === 'off' ? null : npmAudit()
  if (registry?.report) return fromRegistry(registry.report)
  const why = registry ? registry.reason : 'AUDIT_DEPS_REGISTRY=off'
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
  const snapshot = existsSync(snapshotFile) ? JSON.parse(readFileSync(snapshotFile, 'utf8')) : null
  const age = snapshot ? snapshotAgeDays(snapshot, Date.now()) : Infinity
  if (!snapshot || age > maxSnapshotAgeDays) {
    const problem = snapshot
      ? `security/advisories-snapshot.json is ${age} days old (more than ${maxSnapshotAgeDays})`
      : 'there is no security/advisories-snapshot.json'
    if (process.env.AUDIT_DEPS_ALLOW_UNCHECKED === '1') {
      console.log(
        `audit:deps: UNCHECKED (allowed by AUDIT_DEPS_ALLOW_UNCHECKED=1): the registry could not answer (${why}) and ${problem}; dependency advisories were NOT checked.`,
      )
      return 0
    }
    console.error(
      `audit:deps: FAILED, nothing was checked: the registry could not answer (${why}) and ${problem}.\n` +
        '  Refresh the snapshot with `npm run audit:deps -- --update-snapshot` where the registry answers,\n' +
        '  or set AUDIT_DEPS_ALLOW_UNCHECKED=1 to let this run pass without a check.',
    )
    return 1
  }
  const packages = lockedPackages(lock, { omitDev: true })
  const found = findAdvisories(packages, snapshot).filter((hit) => serious(hit.advisory.severity))
  const unexplained = found.filter((hit) => !allowed.includes(hit.name))
  const advisoryCount = Object.values(snapshot.advisories).flat().length
  console.log(
    `audit:deps: OFFLINE CHECK: the registry could not answer (${why}); package-lock.json (${packages.length} production packages) checked against security/advisories-snapshot.json taken on ${snapshot.takenOn} (${age} days ago, ${advisoryCount} advisories): ${found.length} high/critical, ${found.length - unexplained.length} explained`,
  )
  for (const hit of unexplained) {
    console.error(
      `  UNEXPLAINED ${hit.advisory.severity} in ${hit.name}@${hit.version} (${hit.path}): ${hit.advisory.title} ${hit.advisory.url}`,
    )
  }
  return unexplained.length ? 1 : 0
}

/** `npm audit`'s report, or why there is none. */
function npmAudit() {
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' })
  let report = null
  try {
    report = JSON.parse(run.stdout)
  } catch {
    // No JSON at all: reported below.
  }
  if (!report || report.error || !report.vulnerabilities) {
    const reason = report?.message ?? report?.error?.summary ?? 'no answer from npm'
    return { report: null, reason: reason.trim().split('\n')[0] }
  }
  return { report, reason: null }
}

function fromRegistry(report) {
  const found = Object.values(report.vulnerabilities).filter((v) => serious(v.severity))
  const unexplained = found.filter((v) => !allowed.includes(v.name))
  console.log(
    `audit:deps: REGISTRY CHECK: npm audit --omit=dev: ${found.length} high/critical advisories, ${found.length - unexplained.length} explained`,
  )
  for (const v of unexplained)
    console.error(`  UNEXPLAINED ${v.severity} in ${v.name} (${v.range})`)
  return unexplained.length ? 1 : 0
}

/** Asks the registry's bulk endpoint (what `npm audit` asks) about every package in the lock. */
async function updateSnapshot() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
  const registry = spawnSync('npm', ['config', 'get', 'registry'], { cwd: root, encoding: 'utf8' })
  const base = registry.stdout.trim().replace(/\/$/, '') || 'https://registry.npmjs.org'
  const response = await fetch(`${base}/-/npm/v1/security/advisories/bulk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(bulkRequestBody(lockedPackages(lock, { omitDev: false }))),
  })
  if (!response.ok) {
    console.error(
      `audit:deps: the registry answered ${response.status}; the snapshot is unchanged.`,
    )
    process.exit(1)
  }
  const answer = await response.json()
  const advisories = Object.fromEntries(
    Object.entries(answer)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, list]) => [
        name,
        list.map(({ id, url, title, severity, vulnerable_versions }) => ({
          id: String(id),
          url,
          title,
          severity,
          vulnerable_versions,
        })),
      ]),
  )
  const snapshot = {
    takenOn: new Date().toISOString().slice(0, 10),
    source: `${base}/-/npm/v1/security/advisories/bulk for every package of package-lock.json`,
    advisories,
  }
  writeFileSync(snapshotFile, `${JSON.stringify(snapshot, null, 2)}\n`)
  console.log(
    `audit:deps: snapshot updated (${Object.values(advisories).flat().length} advisories).`,
  )
}
