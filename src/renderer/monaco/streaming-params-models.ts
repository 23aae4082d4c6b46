import { channelParamSchemas, initialParamsText } from '../streaming/channel-params.ts'
import { schemaForEditorValidation } from '../../shared/schema-check.ts'
import { jsonDefaults, monaco } from './monaco.ts'

// One Monaco model per channel name for the whole session, so each keeps its params and undo
// history; the known channels' schemas match their model by URI.
const numbers = new Map<string, number>()
const schemaPrefix = 'inmemory://explorer/streaming-params-schema-'

function uriOf(channel: string): monaco.Uri {
  let number = numbers.get(channel)
  if (number === undefined) numbers.set(channel, (number = numbers.size + 1))
  return monaco.Uri.parse(`inmemory://explorer/streaming-params-${number}.json`)
}

export function paramsModel(channel: string): monaco.editor.ITextModel {
  const uri = uriOf(channel)
  return (
    monaco.editor.getModel(uri) ??
    monaco.editor.createModel(initialParamsText(channel), 'json', uri)
  )
}

/**
 * Adds the channel schemas to the JSON language's options, keeping whatever other editors put
 * there (the request body's schema), since those options are global to Monaco.
 */
export function applyParamsSchemas(): void {
  const options = jsonDefaults.diagnosticsOptions
  const others = (options.schemas ?? []).filter((schema) => !schema.uri.startsWith(schemaPrefix))
  const ours = Object.entries(channelParamSchemas).map(([channel, schema]) => ({
    uri: `${schemaPrefix}${channel}`,
    fileMatch: [uriOf(channel).toString()],
    // Sent to the worker with postMessage: a plain, cloneable object without runaway patterns.
    schema: schemaForEditorValidation(schema),
  }))
  jsonDefaults.setDiagnosticsOptions({
    ...options,
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [...others, ...ours],
  })
}
