/** `{{name}}` as collections write it (main's variables.ts fills it in with the same rule). */
const placeholder = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g

/** The variable names a text uses, each once, in order of first use. */
export function variableNames(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((match) => match[1]!))]
}
