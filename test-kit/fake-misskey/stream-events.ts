// The fake's GlobalEventService: handlers publish here, streaming connections listen. Misskey
// publishes through Redis, so a listener never runs inside the API call that published: every
// event is delivered on a later turn (after the REST answer has been written, as on the wire).
import { EventEmitter } from 'node:events'
import type { Json, JsonObject } from './types.ts'

/** `body` is computed on delivery, so packing sees the state after the call (onlineStatus). */
export type LazyBody = () => Json

export interface StreamEventMap {
  /** A note was created (Misskey's `notesStream`). */
  note: [noteId: string]
  /** Something happened to one note (`noteStream:<id>`): reacted, unreacted, deleted, pollVoted. */
  noteStream: [noteId: string, type: string, body: JsonObject]
  /** Events of one user's `main` channel (`mainStream:<userId>`): mention, reply, … */
  mainStream: [userId: string, type: string, body: LazyBody]
  /** Events of one user's `drive` channel (`driveStream:<userId>`): fileCreated, folderCreated. */
  driveStream: [userId: string, type: string, body: LazyBody]
}

export class StreamEvents extends EventEmitter<StreamEventMap> {
  constructor() {
    super()
    // Every streaming connection listens; tests open many at once.
    this.setMaxListeners(0)
  }

  publish<Name extends keyof StreamEventMap>(name: Name, ...args: StreamEventMap[Name]): void {
    setImmediate(() =>
      (this.emit as (n: Name, ...a: StreamEventMap[Name]) => boolean)(name, ...args),
    )
  }
}
