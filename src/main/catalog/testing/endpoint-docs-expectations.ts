import { expect } from 'vitest'
import type { EndpointDocs, ParameterRow } from '../../../shared/endpoint-docs.ts'

// Shared by the endpoint-docs tests on small, fake and real specs.

export const rowsByPath = (docs: EndpointDocs) =>
  new Map<string, ParameterRow>(docs.parameters.map((row) => [row.path, row]))

/** What every endpoint's docs must look like, whatever the spec. */
export function expectSensible(docs: EndpointDocs | null, pathKey: string) {
  expect(docs, pathKey).not.toBeNull()
  const paths = docs!.parameters.map((row) => row.path)
  expect(new Set(paths).size, `${pathKey} has duplicate rows`).toBe(paths.length)
  for (const row of docs!.parameters) {
    expect(row.typeLabel, `${pathKey} ${row.path}`).toMatch(/\S/)
    expect(row.typeLabel, `${pathKey} ${row.path}`).not.toContain('undefined')
    // A child directly follows its parent, one level deeper.
    if (row.depth > 0) {
      const parent = row.kind === 'item' ? row.path.slice(0, -2) : row.path.replace(/\.[^.]+$/, '')
      expect(paths.indexOf(parent), `${pathKey} ${row.path}`).toBeGreaterThanOrEqual(0)
      expect(paths.indexOf(parent)).toBeLessThan(paths.indexOf(row.path))
    }
  }
  for (const error of docs!.errors) {
    expect(error.status, `${pathKey} ${error.code}`).toBeGreaterThanOrEqual(400)
    expect(error.code).toMatch(/^[A-Z0-9_]+$/)
  }
  expect(docs!.description).not.toMatch(/\*\*(Credential required|Internal Endpoint)\*\*/)
  // It crosses IPC as plain data.
  expect(structuredClone(docs)).toEqual(docs)
}
