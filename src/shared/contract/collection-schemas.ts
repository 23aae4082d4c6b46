// Schemas the collections and environments contracts share. Every path the page may name is a
// collection path, checked here for shape (no `..`, no backslash, bounded) and again in main
// against the folder.
import * as v from 'valibot'

export const collectionPathSchema = v.pipe(
  v.string(),
  v.maxLength(1024),
  v.check(
    (path) =>
      path === '' ||
      path
        .split('/')
        .every(
          (segment) =>
            segment !== '' && segment !== '.' && segment !== '..' && !/[\\:\0]/.test(segment),
        ),
    'must be a path inside the collection, without ..',
  ),
)
export const itemNameSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200))
export const variableNameSchema = v.pipe(v.string(), v.regex(/^[A-Za-z_][\w.-]{0,99}$/))
