import { type Logger } from '../observability';

/** The default of `TEMPLATE_SYNC_INTERVAL_SECONDS`: a full sync every 15 minutes, behind the webhooks. */
export const DEFAULT_TEMPLATE_SYNC_INTERVAL_SECONDS = 900;

/** Timers, injected so that tests step them instead of sleeping. */
export interface SyncScheduler {
  setTimeout(run: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemScheduler: SyncScheduler = {
  setTimeout: (run, delayMs) => {
    const handle = setTimeout(run, delayMs);
    // A pending sync must not keep the process alive at shutdown.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SyncTimerOptions {
  /** 0 means never. */
  intervalSeconds: number;
  businessAccountIds: () => readonly string[];
  sync: (businessAccountId: string) => Promise<unknown>;
  scheduler: SyncScheduler;
  logger: Logger;
}

/**
 * Syncs every account each interval, one account after another, the next round timed from the end of
 * the last so that a slow sync never overlaps the next. Returns the stop, which lets a round in flight
 * finish but schedules nothing more.
 */
export function startTemplateSyncTimer(options: SyncTimerOptions): () => void {
  if (options.intervalSeconds <= 0) return () => undefined;
  const { scheduler, logger } = options;
  let stopped = false;
  let handle: unknown = null;
  const schedule = (): void => {
    if (!stopped) handle = scheduler.setTimeout(() => void round(), options.intervalSeconds * 1000);
  };
  const round = async (): Promise<void> => {
    for (const account of options.businessAccountIds()) {
      if (stopped) return;
      try {
        await options.sync(account);
      } catch (error) {
        // syncTemplates reports its failures in its result; this is a sync function that threw anyway.
        logger.error({ err: error, businessAccountId: account }, 'A scheduled template sync threw.');
      }
    }
    schedule();
  };
  schedule();
  return () => {
    stopped = true;
    if (handle !== null) scheduler.clearTimeout(handle);
  };
}
