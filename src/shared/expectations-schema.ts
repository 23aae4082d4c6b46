import * as v from 'valibot'

// One schema for expectations, wherever they come in: a request file on disk, or a draft the
// renderer asks main to save.
const pathSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(500))

export const expectationsSchema = v.strictObject({
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(599))),
  errorCode: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Z0-9_]{1,100}$/, 'must be a code such as NO_SUCH_NOTE')),
  ),
  durationUnderMs: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3_600_000)),
  ),
  json: v.optional(
    v.pipe(
      v.array(
        v.union([
          v.strictObject({
            path: pathSchema,
            equals: v.pipe(
              v.unknown(),
              v.check((value) => value !== undefined, 'needs a JSON value'),
            ),
          }),
          v.strictObject({ path: pathSchema, exists: v.boolean() }),
          v.strictObject({ path: pathSchema, matches: v.pipe(v.string(), v.maxLength(1000)) }),
        ]),
      ),
      v.maxLength(100),
    ),
  ),
})
