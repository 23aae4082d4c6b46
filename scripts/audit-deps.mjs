#!/usr/bin/env node
// `npm run audit:deps`: `npm audit --omit=dev`, failing on any high or critical advisory in what
// ships with the app unless security/npm-audit-allowlist.tsv explains it. When the registry's
// audit endpoint cannot be reached (some mirrors answer 405), it says so instead of guessing.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' })
let report
try {
  report = JSON.parse(run.stdout)
} catch {
  report = null
}
if (!report || report.error || !report.vulnerabilities) {
  const reason = report?.message ?? report?.error?.summary ?? 'no answer from npm'
  console.log(
    `npm audit could not be run here (${reason.trim()}); dependency advisories were not checked.`,
  )
  process.exit(0)
}

const listFile = join(root, 'security/npm-audit-allowlist.tsv')
const allowed = existsSync(listFile)
  ? readFileSync(listFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => line.split('\t')[0])
  : []
const serious = Object.values(report.vulnerabilities).filter(
  (v) => v.severity === 'high' || v.severity === 'critical',
)
const unexplained = serious.filter((v) => !allowed.includes(v.name))
console.log(
  `npm audit --omit=dev: ${serious.length} high/critical advisories, ${serious.length - unexplained.length} explained`,
)
for (const v of unexplained) console.error(`  UNEXPLAINED ${v.severity} in ${v.name} (${v.range})`)
process.exit(unexplained.length ? 1 : 0)
