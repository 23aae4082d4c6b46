#!/usr/bin/env node
// `npm run audit:electron`: Electronegativity over src/ (the script blocks of `.vue` files too,
// which it cannot read itself), failing on any finding not explained in
// security/electronegativity-allowlist.tsv by its check, its file and the code on its line, and
// on allow-list lines that no longer match a finding.
// For tests: AUDIT_ELECTRON_SOURCE and AUDIT_ELECTRON_ALLOWLIST read another folder and list.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  codeOf,
  matchFindings,
  parseAllowlist,
  vueScriptsAsTypeScript,
} from './audit/electronegativity-findings.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const source = resolve(process.env.AUDIT_ELECTRON_SOURCE ?? join(root, 'src'))
const allowlistFile = resolve(
  process.env.AUDIT_ELECTRON_ALLOWLIST ?? join(root, 'security/electronegativity-allowlist.tsv'),
)
const require = createRequire(import.meta.url)
const cli = join(
  dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist/index.js',
)
const electronVersion = require('electron/package.json').version
const work = mkdtempSync(join(tmpdir(), 'electronegativity-'))
const copy = join(work, 'src')
const output = join(work, 'findings.sarif')
const vueSuffix = '.vue.ts'

try {
  // A copy of the sources with each `.vue` file's script blocks beside it as `X.vue.ts`.
  cpSync(source, copy, { recursive: true })
  let vueFiles = 0
  for (const name of readdirSync(copy, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.vue')) continue
    const text = readFileSync(join(copy, name), 'utf8')
    writeFileSync(join(copy, `${name}.ts`), vueScriptsAsTypeScript(text))
    vueFiles++
  }

  execFileSync(
    process.execPath,
    [
      '-r',
      join(root, 'scripts/electronegativity-offline.cjs'),
      cli,
      ...['-i', copy, '-e', electronVersion, '-r', '-v', 'false', '-o', output],
      // Needs Electron's release list from GitHub; our Electron version is pinned and recent.
      ...['-x', 'AvailableSecurityFixesGlobalCheck'],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: root },
  )

  const findings = JSON.parse(readFileSync(output, 'utf8')).runs[0].results.map((result) => {
    const location = result.locations?.[0]?.physicalLocation
    const uri = location?.artifactLocation?.uri ?? ''
    const file = uri.endsWith(vueSuffix) ? uri.slice(0, -'.ts'.length) : uri
    const line = location?.region?.startLine ?? 0
    const text = line > 0 ? lineOf(join(source, file), line) : ''
    return {
      check: result.ruleId,
      file,
      code: codeOf(text),
      location: `${line || '?'}:${location?.region?.startColumn ?? '?'}`,
    }
  })
  const allowed = parseAllowlist(readFileSync(allowlistFile, 'utf8'))
  const { unexplained, stale, noReason } = matchFindings(findings, allowed)

  console.log(
    `electronegativity (Electron ${electronVersion}): ${findings.length} finding(s) in ${source} (with the script blocks of ${vueFiles} .vue files), ${findings.length - unexplained.length} explained in the allow-list`,
  )
  for (const f of unexplained) {
    console.error(`  UNEXPLAINED ${f.check} in ${f.file}:${f.location}: ${f.code}`)
    console.error(`    to accept it, add: ${f.check}\t${f.file}\t${f.code}\t<why it is fine>`)
  }
  for (const a of stale) {
    console.error(`  STALE allow-list line: ${a.check} ${a.file} \`${a.code}\` (no such finding)`)
  }
  for (const a of noReason) {
    console.error(`  allow-list line without its code or a real reason: ${a.check} ${a.file}`)
  }
  process.exitCode = unexplained.length || stale.length || noReason.length ? 1 : 0
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** The text of a finding's line; '' for a global finding that names no real file. */
function lineOf(path, line) {
  try {
    return readFileSync(path, 'utf8').split('\n')[line - 1] ?? ''
  } catch {
    return ''
  }
}
