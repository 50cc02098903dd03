import { type SendRateLimiter, type TokenGrant } from './send-rate-limiter';
import { type SendCommand } from './send-command';
import { SendRateLimitedError } from './send-errors';
import { type SendHandler, type SendOutcome } from './send-outcome';

export interface RateLimitedSenderOptions {
  inner: SendHandler;
  /** One bucket per sender phone number id; shared by the fleet when it is the Redis limiter. */
  limiter: SendRateLimiter;
  /** The configured rate (SEND_RATE_LIMIT_PER_SECOND): for a sender whose own rate is not known. */
  ratePerSecond: number;
  /** A sender's own rate when known (its throughput level), else undefined; read on every send. */
  rateOf?: (phoneNumberId: string) => number | undefined;
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
  /** The size of the block it was last refilled with. */
  blockSize: number;
  /**
   * False once a block was refused or could not be taken: the bucket is empty (or the limiter down), and
   * asking again on every send would not help.
   */
  takeEarly: boolean;
}

/**
 * Keeps each sender under its send rate, refusing the excess with `SendRateLimitedError` (and a
 * retry-after) before any upstream call, so that Meta's own throughput error (130429) is never reached.
 *
 * Tokens are taken from the shared bucket in blocks of about `leaseMs` worth of the rate (a tenth of a
 * second by default, one token at low rates), so that most sends under load need no round trip for the
 * limit. The next block is taken when half of the current one is spent, so that sends under steady load
 * do not wait for it either. A block's unspent tokens lapse with the lease: the fleet may send a little
 * under its rate, never over it.
 *
 * It sits inside the idempotency guard: a repeat whose key already holds a result is answered without
 * a token (it makes no upstream call), and a refused first call releases its key.
 */
export class RateLimitedSender implements SendHandler {
  private readonly leases = new Map<string, Lease>();
  /** The block being taken per sender: concurrent sends wait for it instead of taking blocks of their own. */
  private readonly taking = new Map<string, Promise<TokenGrant>>();
  private readonly leaseMs: number;
  private readonly maxBlock: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimitedSenderOptions) {
    this.leaseMs = options.leaseMs ?? 100;
    this.maxBlock = options.maxBlock ?? 50;
    this.now = options.now ?? Date.now;
  }

  send(command: SendCommand): Promise<SendOutcome> {
    if (this.spendLeased(command.phoneNumberId)) return this.options.inner.send(command);
    const rate = this.rateOf(command.phoneNumberId);
    const blockSize = this.blockSizeFor(rate);
    return blockSize === 1
      ? this.takeOneThenSend(command, rate)
      : this.takeBlockThenSend(command, rate, blockSize);
  }

  private rateOf(scope: string): number {
    return this.options.rateOf?.(scope) ?? this.options.ratePerSecond;
  }

  private blockSizeFor(rate: number): number {
    return Math.max(1, Math.min(this.maxBlock, Math.floor((rate * this.leaseMs) / 1000)));
  }

  /** One token per send, as the bucket was first designed: at low rates a block would be one token anyway. */
  private async takeOneThenSend(command: SendCommand, rate: number): Promise<SendOutcome> {
    const grant = await this.options.limiter.takeUpTo(command.phoneNumberId, 1, rate);
    if (grant.granted === 0) throw new SendRateLimitedError(grant.retryAfterMs, rate);
    return this.options.inner.send(command);
  }

  private async takeBlockThenSend(
    command: SendCommand,
    rate: number,
    blockSize: number,
  ): Promise<SendOutcome> {
    const scope = command.phoneNumberId;
    for (;;) {
      const taken = await (this.taking.get(scope) ?? this.takeBlock(scope, rate, blockSize));
      // The bucket is empty: every send that waited for this block is refused alike.
      if (taken.granted === 0) throw new SendRateLimitedError(taken.retryAfterMs, rate);
      if (this.spendLeased(scope)) return this.options.inner.send(command);
      // Others spent the block first: wait for (or take) the next one, at most one in flight per sender.
    }
  }

  /** Starts taking a block; it goes on the lease before any waiter resumes, and the next may then be taken. */
  private takeBlock(scope: string, rate: number, blockSize: number): Promise<TokenGrant> {
    const grant = this.options.limiter.takeUpTo(scope, blockSize, rate);
    this.taking.set(scope, grant);
    // Also handles the grant's rejection, for a block nobody awaits (one taken early).
    void grant.then(
      (taken) => this.settle(scope, taken, blockSize),
      () => this.refused(scope),
    );
    return grant;
  }

  private settle(scope: string, taken: TokenGrant, blockSize: number): void {
    if (taken.granted === 0) return this.refused(scope);
    this.taking.delete(scope);
    const lease = this.leases.get(scope);
    const now = this.now();
    const kept = lease !== undefined && lease.expiresAt > now ? lease.tokens : 0;
    this.leases.set(scope, {
      tokens: kept + taken.granted,
      expiresAt: now + this.leaseMs,
      blockSize,
      takeEarly: true,
    });
  }

  /** No block (an empty bucket, or the limiter failed): no early take until the lease is refilled. */
  private refused(scope: string): void {
    this.taking.delete(scope);
    const lease = this.leases.get(scope);
    if (lease !== undefined) lease.takeEarly = false;
  }

  private spendLeased(scope: string): boolean {
    const lease = this.leases.get(scope);
    if (lease === undefined || lease.tokens <= 0 || lease.expiresAt <= this.now()) return false;
    lease.tokens--;
    if (lease.takeEarly && lease.tokens * 2 < lease.blockSize && !this.taking.has(scope)) {
      this.takeNextBlockEarly(scope);
    }
    return true;
  }

  /** Half the block is spent: the next one is taken in the background (a refusal there refuses no send). */
  private takeNextBlockEarly(scope: string): void {
    const rate = this.rateOf(scope);
    const blockSize = this.blockSizeFor(rate);
    if (blockSize > 1) void this.takeBlock(scope, rate, blockSize);
  }
}
