import Ajv2020 from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { fakeSpec, readRealSpec, requestSchemasOf } from '../../test-kit/support/real-spec.ts'
import { sampleDefaultsBody, sampleRequiredBody } from './schema-sample.ts'

// Every endpoint of a whole spec: the samples must validate against the endpoint's own schema.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })

describe('samples of whole specs', () => {
  const checkEvery = (label: string, schemas: ReturnType<typeof requestSchemasOf>) => {
    const failures: string[] = []
    let checked = 0
    for (const { endpoint, schema } of schemas) {
      if (!schema) {
        expect(sampleRequiredBody(schema)).toEqual({})
        continue
      }
      checked++
      const validate = ajv.compile(schema)
      for (const [mode, body] of [
        ['required', sampleRequiredBody(schema)],
        ['defaults', sampleDefaultsBody(schema)],
      ] as const) {
        if (!validate(body)) {
          failures.push(`${endpoint} (${mode}): ${ajv.errorsText(validate.errors)}`)
        }
      }
    }
    expect(failures, label).toEqual([])
    return checked
  }

  it('gives every endpoint of the fake spec bodies that validate', () => {
    expect(checkEvery('fake', requestSchemasOf(fakeSpec()))).toBeGreaterThan(5)
  })

  const real = readRealSpec()
  it.skipIf(!real)('gives every endpoint of the real 2025.5.0 spec bodies that validate', () => {
    const schemas = requestSchemasOf(real!)
    expect(checkEvery('real', schemas)).toBeGreaterThan(300)
    const byName = new Map(schemas.map((entry) => [entry.endpoint, entry.schema]))
    expect(sampleRequiredBody(byName.get('notes/create')!)).toEqual({ text: 'example' })
    expect(sampleRequiredBody(byName.get('notes/show')!)).toEqual({ noteId: '' })
    expect(sampleRequiredBody(byName.get('users/show')!)).toEqual({ userId: '' })
    expect(sampleRequiredBody(byName.get('drive/files/create')!)).toEqual({ file: '' })
    expect(sampleDefaultsBody(byName.get('notes/timeline')!)).toEqual({
      limit: 10,
      allowPartial: false,
      includeMyRenotes: true,
      includeRenotedMyNotes: true,
      includeLocalRenotes: true,
      withFiles: false,
      withRenotes: true,
    })
  })
})
