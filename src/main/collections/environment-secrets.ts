// Environment files are plain JSON in a folder meant for git or a zip: a token put into a
// variable (to send as `"i": "{{token}}"`, say) would be shared with the collection. Main finds
// such variables so the page can warn the user; the tokens compared against never leave main.

/** Names people give variables that hold a credential. */
const secretLikeName =
  /^(?:i|token|.*(?:[_-]|\b)?(?:token|secret|password|passwd|api[_-]?key|bearer|credential)s?)$/i

/**
 * The names of the variables that hold a secret: a value equal to a token of a saved account, or
 * a non-empty value under a name like `token`, `i`, `apiKey` or `adminPassword`. Values that are
 * themselves `{{placeholders}}` are not secrets.
 */
export async function findSecretVariables(
  variables: Record<string, string>,
  isStoredToken: (value: string) => Promise<boolean>,
): Promise<string[]> {
  const found: string[] = []
  for (const [name, value] of Object.entries(variables)) {
    const trimmed = value.trim()
    if (trimmed === '' || /^\{\{[^}]*\}\}$/.test(trimmed)) continue
    if (secretLikeName.test(name) || (await isStoredToken(trimmed))) found.push(name)
  }
  return found.sort()
}
