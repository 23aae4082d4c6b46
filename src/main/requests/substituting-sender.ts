import { fail } from '../../shared/result.ts'
import { placeholderNames, substituteVariables } from '../../shared/variables.ts'
import type { RequestSender } from './request-sender.ts'

export interface FillableVariables {
  /** Name → value: the active environment's, then those captured in this session. */
  values: Record<string, string>
  /** Name → the server a captured value came from. */
  capturedFrom: Record<string, string>
}

/**
 * Fills `{{name}}` in the body from the open collection's variables before anything else sees
 * it, so what the server gets, what the history records and what the user sees as sent are the
 * same text. Names without a value stay as typed (a server then says what is wrong with them).
 *
 * A value captured from one server's answer (often a token it issued) is not carried to another
 * server from the editor either, as in a folder run: the send is refused, saying which variable
 * came from where, and the body stays as typed.
 */
export function substituteBeforeSending(
  sender: RequestSender,
  variables: () => Promise<FillableVariables>,
): RequestSender {
  return {
    cancel: (requestId) => sender.cancel(requestId),
    async send(input) {
      if (input.upload || !input.body.includes('{{')) return sender.send(input)
      const { values, capturedFrom } = await variables()
      const crossing = placeholderNames(input.body).find(
        (name) =>
          Object.hasOwn(values, name) &&
          Object.hasOwn(capturedFrom, name) &&
          capturedFrom[name] !== input.origin,
      )
      if (crossing) {
        const from = capturedFrom[crossing]!
        return fail(
          'CAPTURED_VALUE_OTHER_SERVER',
          `{{${crossing}}} was captured from ${from}; it is not sent to ${input.origin}. Type the value in the body, or set it in an environment, to send it there.`,
          { variable: crossing, capturedFrom: from, sentTo: input.origin },
        )
      }
      const filled = substituteVariables(input.body, values)
      return sender.send({ ...input, body: filled.text })
    },
  }
}
