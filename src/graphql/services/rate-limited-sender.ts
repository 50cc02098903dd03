import { type SendRateLimiter } from '../../messages';
import { GatewayError, GatewayErrorCode } from '../gateway-error';
import { type SendMessageInput } from '../inputs/send-message.input';
import { type SendOutcome } from './message-sender';
import { type SendMessageHandler } from './send-message-handler';
import { validateSendInput } from './send-request';

export interface RateLimitedSenderOptions {
  inner: SendMessageHandler;
  /** One bucket per sender phone number id; shared by the fleet when it is the Redis limiter. */
  limiter: SendRateLimiter;
  /** The sender when the input names none. */
  defaultPhoneNumberId: string;
  /** The configured rate, only to say it in the error. */
  ratePerSecond: number;
}

/**
 * Keeps each sender under its send rate, refusing the excess with `RATE_LIMITED` and a retry-after
 * before any upstream call, so that Meta's own throughput error (130429) is never reached. Bad input is
 * refused first and costs no token.
 *
 * It sits inside the idempotency wrapper: a repeat whose key already holds a result is answered without
 * a token (it makes no upstream call), and a refused first call releases its key.
 */
export class RateLimitedSender implements SendMessageHandler {
  constructor(private readonly options: RateLimitedSenderOptions) {}

  async send(input: SendMessageInput): Promise<SendOutcome> {
    const { phoneNumberId } = validateSendInput(input, this.options.defaultPhoneNumberId);
    const decision = await this.options.limiter.take(phoneNumberId);
    if (!decision.allowed) {
      const { retryAfterMs } = decision;
      throw new GatewayError(
        GatewayErrorCode.RATE_LIMITED,
        `This sender is above its limit of ${this.options.ratePerSecond} messages a second; retry after ${retryAfterMs} ms.`,
        { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)), retryAfterMs },
      );
    }
    return this.options.inner.send(input);
  }
}
