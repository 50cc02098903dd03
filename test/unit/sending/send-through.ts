import { toGatewayError } from '../../../src/graphql/domain-errors';
import {
  parseSendCommand,
  type SendHandler,
  type SendMessageFields,
  type SendOutcome,
} from '../../../src/sending';

/** The API key id of the caller the tests send as, unless they name another. */
export const THE_CALLER = 'k0000000000000001';

/**
 * A send stage called the way the `sendMessage` resolver calls it: the input parsed into a command, the
 * domain's errors mapped to GraphQL ones. Lets the stage's tests assert what a client sees.
 */
export function throughResolver(
  handler: SendHandler,
  defaultPhoneNumberId: string,
  callerId = THE_CALLER,
): { send(input: SendMessageFields): Promise<SendOutcome> } {
  return {
    async send(input) {
      try {
        return await handler.send(parseSendCommand(input, defaultPhoneNumberId, callerId));
      } catch (error) {
        throw toGatewayError(error);
      }
    },
  };
}
