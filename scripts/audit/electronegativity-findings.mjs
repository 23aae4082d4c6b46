// The pure half of `npm run audit:electron`: `.vue` script blocks made readable to
// Electronegativity, and its findings matched one by one against the allow-list.

/**
 * The `<script>` blocks of a single-file component as one TypeScript file whose lines are the
 * component's own lines (everything else blanked), so a finding's line is the `.vue` file's line.
 */
export function vueScriptsAsTypeScript(text) {
  const lines = text.split('\n')
  const kept = lines.map(() => '')
  let inside = false
  lines.forEach((line, index) => {
    if (!inside && /^\s*<script\b[^>]*>\s*$/.test(line)) {
      inside = true
      return
    }
    if (inside && /^\s*<\/script>\s*$/.test(line)) {
      inside = false
      return
    }
    if (inside) kept[index] = line
  })
  return kept.join('\n')
}

/** A line of code as the allow-list quotes it: trimmed, runs of whitespace as one space. */
export function codeOf(line) {
  return (line ?? '').trim().replace(/\s+/g, ' ')
}

/** `CHECK <tab> file <tab> code <tab> reason` lines; `#` comments and blank lines skipped. */
export function parseAllowlist(text) {
  return text
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [check = '', file = '', code = '', reason = ''] = line.split('\t')
      return { check, file, code: codeOf(code), reason }
    })
}

const same = (finding, entry) =>
  finding.check === entry.check && finding.file === entry.file && finding.code === entry.code

/**
 * Each finding must be explained by a line naming its check, its file and the code on its line,
 * so a new call of the same kind in the same file is a new finding, not one already explained.
 */
export function matchFindings(findings, allowed) {
  return {
    unexplained: findings.filter((finding) => !allowed.some((entry) => same(finding, entry))),
    stale: allowed.filter((entry) => !findings.some((finding) => same(finding, entry))),
    noReason: allowed.filter((entry) => entry.reason.trim().length < 20 || entry.code === ''),
  }
}
