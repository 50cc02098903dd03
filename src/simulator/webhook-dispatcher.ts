import { Agent, request } from 'undici';
import type { SimulatorLogger, WebhookRetryOptions } from './simulator-options';
import { signWebhookBody } from './webhook-signature';

/** Counters the dispatcher keeps; read through the simulator's stats. */
export interface WebhookDeliveryStats {
  /** Webhooks answered with a 2xx. */
  delivered: number;
  /** HTTP attempts, retries included. */
  attempts: number;
  /** Webhooks dropped after the last attempt failed. */
  givenUp: number;
}

export interface WebhookDispatcherOptions {
  appSecret: string;
  webhookUrl: string | undefined;
  delayMs: number;
  retry: Required<WebhookRetryOptions>;
  logger: SimulatorLogger;
}

/**
 * Posts webhook bodies to the callback URL, signed, over a keep-alive pool. The bodies of one message
 * form a chain posted one after another, `delayMs` apart, so a receiver sees them in the scenario's
 * order; a delivery that gets no 2xx is retried with doubling delays before the chain moves on.
 */
export class WebhookDispatcher {
  readonly stats: WebhookDeliveryStats = { delivered: 0, attempts: 0, givenUp: 0 };
  private webhookUrl: string | undefined;
  private closed = false;
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  private readonly chains = new Set<Promise<void>>();
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private readonly closing = new AbortController();

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.webhookUrl = options.webhookUrl;
  }

  get url(): string | undefined {
    return this.webhookUrl;
  }

  setUrl(url: string | undefined): void {
    this.webhookUrl = url;
  }

  /** Schedules `bodies` (already serialised) as one ordered chain. No-op without a URL or after close. */
  enqueue(bodies: readonly string[]): void {
    if (this.closed || this.webhookUrl === undefined || bodies.length === 0) return;
    const chain = this.runChain(bodies).finally(() => this.chains.delete(chain));
    this.chains.add(chain);
  }

  /** Resolves when every chain scheduled so far, and any scheduled meanwhile, has finished. */
  async flush(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains]);
  }

  /** Stops timers, aborts posts in flight and closes the pool's sockets. Pending webhooks are dropped. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    for (const sleeper of this.sleepers) {
      clearTimeout(sleeper.timer);
      sleeper.wake();
    }
    this.sleepers.clear();
    await Promise.all([...this.chains]);
    await this.agent.destroy();
  }

  private async runChain(bodies: readonly string[]): Promise<void> {
    for (const body of bodies) {
      await this.sleep(this.options.delayMs);
      if (this.closed) return;
      await this.deliver(body);
    }
  }

  private async deliver(body: string): Promise<void> {
    const { retry, logger } = this.options;
    const signature = signWebhookBody(body, this.options.appSecret);
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt += 1) {
      const url = this.webhookUrl;
      if (this.closed || url === undefined) return;
      this.stats.attempts += 1;
      const outcome = await this.post(url, body, signature);
      if (outcome === 'ok') {
        this.stats.delivered += 1;
        return;
      }
      logger.debug({ attempt, outcome }, 'simulator webhook delivery failed');
      if (attempt < retry.maxAttempts) {
        await this.sleep(Math.min(retry.initialDelayMs * 2 ** (attempt - 1), retry.maxDelayMs));
      }
    }
    if (this.closed) return;
    this.stats.givenUp += 1;
    logger.warn({ attempts: retry.maxAttempts }, 'simulator webhook given up');
  }

  /** One attempt: `ok` on a 2xx, otherwise what went wrong (for the debug log, never the body). */
  private async post(url: string, body: string, signature: string): Promise<string> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.retry.attemptTimeoutMs);
    try {
      const response = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
        signal: AbortSignal.any([timeout.signal, this.closing.signal]),
      });
      await response.body.dump();
      return response.statusCode >= 200 && response.statusCode < 300 ? 'ok' : `http ${response.statusCode}`;
    } catch (error) {
      return error instanceof Error ? error.name : 'error';
    } finally {
      clearTimeout(timer);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => {
          this.sleepers.delete(sleeper);
          resolve();
        }, ms),
        wake: resolve,
      };
      this.sleepers.add(sleeper);
    });
  }
}
