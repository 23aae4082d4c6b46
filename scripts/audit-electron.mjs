#!/usr/bin/env node
// `npm run audit:electron`: Electronegativity over src/, failing on any finding that is not
// explained in security/electronegativity-allowlist.tsv (and on allow-list lines that no longer
// match anything).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const cli = join(
  dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist/index.js',
)
const electronVersion = require('electron/package.json').version
const output = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'findings.sarif')

execFileSync(
  process.execPath,
  [
    '-r',
    join(root, 'scripts/electronegativity-offline.cjs'),
    cli,
    ...['-i', join(root, 'src'), '-e', electronVersion, '-r', '-v', 'false', '-o', output],
    // Needs Electron's release list from GitHub; our Electron version is pinned and recent.
    ...['-x', 'AvailableSecurityFixesGlobalCheck'],
  ],
  { stdio: ['ignore', 'ignore', 'inherit'], cwd: root },
)

const findings = JSON.parse(readFileSync(output, 'utf8')).runs[0].results.map((result) => {
  const location = result.locations?.[0]?.physicalLocation
  return {
    check: result.ruleId,
    file: location?.artifactLocation?.uri ?? '',
    location: `${location?.region?.startLine ?? '?'}:${location?.region?.startColumn ?? '?'}`,
  }
})
const allowed = readFileSync(join(root, 'security/electronegativity-allowlist.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [check, file, reason] = line.split('\t')
    return { check, file, reason: reason ?? '' }
  })

const unexplained = findings.filter(
  (f) => !allowed.some((a) => a.check === f.check && a.file === f.file),
)
const stale = allowed.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file))
const noReason = allowed.filter((a) => a.reason.trim().length < 20)

console.log(
  `electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${findings.length - unexplained.length} explained in the allow-list`,
)
for (const f of unexplained)
  console.error(`  UNEXPLAINED ${f.check} in src/${f.file}:${f.location}`)
for (const a of stale)
  console.error(`  STALE allow-list line: ${a.check} ${a.file} (no such finding any more)`)
for (const a of noReason)
  console.error(`  allow-list line without a real reason: ${a.check} ${a.file}`)
if (unexplained.length || stale.length || noReason.length) process.exit(1)
