import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  codeOf,
  matchFindings,
  parseAllowlist,
  vueScriptsAsTypeScript,
} from './audit/electronegativity-findings.mjs'

// `npm run audit:electron`: the allow-list explains findings one by one (check, file, the code
// on the line), not whole files, and `.vue` script blocks are audited like .ts files.
const reason = 'Only http(s) links reach the system browser here (reviewed).'

describe('matching findings to the allow-list', () => {
  const allowed = parseAllowlist(
    `# comment\nOPEN_EXTERNAL_JS_CHECK\tmain/a.ts\tshell.openExternal(safe)\t${reason}\n`,
  )

  it('explains only the finding whose check, file and code it names', () => {
    const reviewed = {
      check: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'main/a.ts',
      code: 'shell.openExternal(safe)',
    }
    const added = { ...reviewed, code: 'shell.openExternal(fromThePage)' }
    const result = matchFindings([reviewed, added], allowed)
    expect(result.unexplained).toEqual([added])
    expect(result.stale).toEqual([])
  })

  it('reports a line that explains nothing any more, and one without its code or reason', () => {
    expect(matchFindings([], allowed).stale).toHaveLength(1)
    const vague = parseAllowlist(`OPEN_EXTERNAL_JS_CHECK\tmain/a.ts\t\t${reason}\nX\tf\tcode\tok\n`)
    expect(matchFindings([], vague).noReason).toHaveLength(2)
  })

  it('quotes code trimmed, with runs of whitespace as one space', () => {
    expect(codeOf('   void  shell.openExternal( url )  ')).toBe('void shell.openExternal( url )')
  })
})

describe('.vue files', () => {
  it('keep their script blocks on their own lines, everything else blank', () => {
    const component = [
      '<template>',
      '  <a @click="go">x</a>',
      '</template>',
      '<script setup lang="ts">',
      'const go = () => shell.openExternal(url)',
      '</script>',
    ].join('\n')
    expect(vueScriptsAsTypeScript(component).split('\n')).toEqual([
      '',
      '',
      '',
      '',
      'const go = () => shell.openExternal(url)',
      '',
    ])
  })
})

describe('the audit run', () => {
  const folder = mkdtempSync(join(tmpdir(), 'audit-electron-'))
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('fails on a new finding in an allow-listed file and on one inside a .vue component', () => {
    const source = join(folder, 'src')
    mkdirSync(join(source, 'main'), { recursive: true })
    mkdirSync(join(source, 'renderer'), { recursive: true })
    writeFileSync(
      join(source, 'main/links.ts'),
      [
        "import { shell } from 'electron'",
        'export const reviewed = (safe: string) => shell.openExternal(safe)',
        'export const added = (url: string) => shell.openExternal(url)',
        '',
      ].join('\n'),
    )
    writeFileSync(
      join(source, 'renderer/OpenLink.vue'),
      [
        '<template><button @click="open">open</button></template>',
        '<script setup lang="ts">',
        "import { shell } from 'electron'",
        'const open = () => shell.openExternal(location.hash.slice(1))',
        '</script>',
        '',
      ].join('\n'),
    )
    const allowlist = join(folder, 'allowlist.tsv')
    writeFileSync(
      allowlist,
      `OPEN_EXTERNAL_JS_CHECK\tmain/links.ts\texport const reviewed = (safe: string) => shell.openExternal(safe)\t${reason}\n`,
    )
    const run = spawnSync(process.execPath, [join(import.meta.dirname, 'audit-electron.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, AUDIT_ELECTRON_SOURCE: source, AUDIT_ELECTRON_ALLOWLIST: allowlist },
    })
    const output = `${run.stdout}${run.stderr}`
    expect(run.status, output).toBe(1)
    expect(output).toContain('with the script blocks of 1 .vue files')
    expect(output).toMatch(
      /UNEXPLAINED OPEN_EXTERNAL_JS_CHECK in main\/links\.ts:3:\d+: export const added/,
    )
    expect(output).toMatch(/UNEXPLAINED OPEN_EXTERNAL_JS_CHECK in renderer\/OpenLink\.vue:4:\d+/)
    expect(output).not.toContain('UNEXPLAINED OPEN_EXTERNAL_JS_CHECK in main/links.ts:2')
    expect(output).not.toContain('STALE')
  }, 180_000)
})
