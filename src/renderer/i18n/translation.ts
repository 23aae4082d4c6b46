/**
 * The shape of a translation of an English message file: the same keys, all optional so that an
 * English key merged before its translation does not stop the build (the page falls back to
 * English there). ja.test.ts lists every key missing or extra and every placeholder that differs.
 */
export type Translation<T> = {
  [Key in keyof T]?: T[Key] extends string ? string : Translation<T[Key]>
}
