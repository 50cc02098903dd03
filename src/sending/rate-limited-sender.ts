import { type SendRateLimiter } from '../messages';
import { type SendCommand } from './send-command';
import { SendRateLimitedError } from './send-errors';
import { type SendHandler, type SendOutcome } from './send-outcome';

export interface RateLimitedSenderOptions {
  inner: SendHandler;
  /** One bucket per sender phone number id; shared by the fleet when it is the Redis limiter. */
  limiter: SendRateLimiter;
  /** The configured rate: it sets the block size and says the limit in the error. */
  ratePerSecond: number;
  /** Milliseconds: tokens taken in a block are spent within this or dropped. Default 100. */
  leaseMs?: number;
  /** Most tokens taken in one round trip. Default 50. */
  maxBlock?: number;
  now?: () => number;
}

/** Tokens this process took from the shared bucket and has not spent yet. */
interface Lease {
  tokens: number;
  expiresAt: number;
}

/**
 * Keeps each sender under its send rate, refusing the excess with `SendRateLimitedError` (and a
 * retry-after) before any upstream call, so that Meta's own throughput error (130429) is never reached.
 *
 * Tokens are taken from the shared bucket in blocks of about `leaseMs` worth of the rate (a tenth of a
 * second by default, one token at low rates), so that most sends under load need no round trip for the
 * limit. A block's unspent tokens lapse with the lease: the fleet may send a little under its rate,
 * never over it.
 *
 * It sits inside the idempotency guard: a repeat whose key already holds a result is answered without
 * a token (it makes no upstream call), and a refused first call releases its key.
 */
export class RateLimitedSender implements SendHandler {
  private readonly leases = new Map<string, Lease>();
  private readonly blockSize: number;
  private readonly leaseMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitedSenderOptions) {
    this.leaseMs = options.leaseMs ?? 100;
    const maxBlock = options.maxBlock ?? 50;
    this.blockSize = Math.max(
      1,
      Math.min(maxBlock, Math.floor((options.ratePerSecond * this.leaseMs) / 1000)),
    );
    this.now = options.now ?? Date.now;
  }

  send(command: SendCommand): Promise<SendOutcome> {
    const lease = this.leases.get(command.phoneNumberId);
    if (lease !== undefined && lease.tokens > 0 && lease.expiresAt > this.now()) {
      lease.tokens--;
      return this.options.inner.send(command);
    }
    return this.takeBlockThenSend(command);
  }

  private async takeBlockThenSend(command: SendCommand): Promise<SendOutcome> {
    const scope = command.phoneNumberId;
    const grant = await this.options.limiter.takeUpTo(scope, this.blockSize);
    if (grant.granted === 0) throw new SendRateLimitedError(grant.retryAfterMs, this.options.ratePerSecond);
    if (grant.granted > 1) {
      const lease = this.leases.get(scope);
      const now = this.now();
      const kept = lease !== undefined && lease.expiresAt > now ? lease.tokens : 0;
      this.leases.set(scope, { tokens: kept + grant.granted - 1, expiresAt: now + this.leaseMs });
    }
    return this.options.inner.send(command);
  }
}
