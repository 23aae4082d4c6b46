/** A file the user chose through main's dialog; the renderer knows its name and size, not its path. */
export interface ChosenFile {
  fileId: string
  name: string
  sizeBytes: number
}

/** Form fields next to the file; booleans go as Misskey reads them ("true"/"false"), null is left out. */
export type UploadFieldValue = string | number | boolean | null

export interface UploadInput {
  fileId: string
  fields: Record<string, UploadFieldValue>
}
