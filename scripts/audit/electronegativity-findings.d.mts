// Types for the tests, which are TypeScript; the audit scripts themselves are plain .mjs.
export interface Finding {
  check: string
  file: string
  code: string
}
export interface AllowedFinding extends Finding {
  reason: string
}
export function vueScriptsAsTypeScript(text: string): string
export function codeOf(line: string | undefined): string
export function parseAllowlist(text: string): AllowedFinding[]
export function matchFindings<F extends Finding>(
  findings: F[],
  allowed: AllowedFinding[],
): { unexplained: F[]; stale: AllowedFinding[]; noReason: AllowedFinding[] }
