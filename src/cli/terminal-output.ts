/** Where the command writes: stdout-like, told whether it is a terminal. */
export interface Output {
  write(text: string): void
  isTTY: boolean
  columns: number
}

/**
 * Every line the command prints or writes goes through this, with each secret replaced: a server
 * may echo a token back in an error message, and that must not reach a CI log.
 */
export function redactor(secrets: Array<string | null>): (text: string) => string {
  const kept = secrets.filter((secret): secret is string => secret !== null && secret.length >= 4)
  if (kept.length === 0) return (text) => text
  return (text) => kept.reduce((result, secret) => result.split(secret).join('***'), text)
}

export function redactedOutput(output: Output, redact: (text: string) => string): Output {
  return {
    isTTY: output.isTTY,
    columns: output.columns,
    write: (text) => output.write(redact(text)),
  }
}
