import { substituteVariables } from '../../shared/variables.ts'
import type { RequestSender } from './request-sender.ts'

/**
 * Fills `{{name}}` in the body from the open collection's variables before anything else sees
 * it, so what the server gets, what the history records and what the user sees as sent are the
 * same text. Names without a value stay as typed (a server then says what is wrong with them).
 */
export function substituteBeforeSending(
  sender: RequestSender,
  variables: () => Promise<Record<string, string>>,
): RequestSender {
  return {
    cancel: (requestId) => sender.cancel(requestId),
    async send(input) {
      if (input.upload || !input.body.includes('{{')) return sender.send(input)
      const filled = substituteVariables(input.body, await variables())
      return sender.send({ ...input, body: filled.text })
    },
  }
}
