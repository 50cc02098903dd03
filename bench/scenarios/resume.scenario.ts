import { Fleets } from '../clients/fleet-controller';
import { BENCH_API_KEY, BENCH_RECIPIENT } from '../support/bench-constants';
import { startGatewayProcess } from '../support/child-process';
import { productionGatewayEnv } from '../support/gateway-env';
import { flushBenchDb } from '../support/redis-bench';
import { applyInBatches, benchStore } from '../support/seed';
import { waitUntil } from '../support/stats';
import { statusUpdatesOf, timedMessageId } from '../support/webhook-bodies';
import { type Scenario } from './scenario-context';

const MISSED_EVENTS = 10_000;

/** A subscriber resuming with `since` after 10,000 missed events: the time until it has caught up. */
export const resumeScenario: Scenario = {
  name: 'resume',
  async run(context) {
    await flushBenchDb(context.redis);
    const store = benchStore(context.redis);
    const [since] = await applyInBatches(
      store,
      statusUpdatesOf([{ messageId: timedMessageId(), recipient: BENCH_RECIPIENT, status: 'sent' }]),
    );
    context.progress(`resume: storing ${MISSED_EVENTS.toLocaleString('en-US')} events`);
    const missed = Array.from({ length: MISSED_EVENTS }, () => ({
      messageId: timedMessageId(),
      recipient: BENCH_RECIPIENT,
      status: 'sent' as const,
    }));
    await applyInBatches(store, statusUpdatesOf(missed), 500);

    const gateway = await startGatewayProcess(productionGatewayEnv(context.upstream.url));
    let fleets: Fleets | null = null;
    try {
      context.progress('resume: subscribing with since');
      fleets = await Fleets.start(
        {
          wsUrl: `${gateway.url.replace('http', 'ws')}/graphql`,
          apiKey: BENCH_API_KEY,
          count: 1,
          recipients: [BENCH_RECIPIENT],
          since: since as string,
          trackIds: false,
          connectConcurrency: 1,
        },
        1,
      );
      const live = fleets;
      await waitUntil(async () => (await live.counts()).received >= MISSED_EVENTS, 60_000, 'the replay', 50);
      const counts = await live.counts();
      const seconds = (counts.lastReceiptAt - counts.subscribedAt) / 1000;
      context.figures.push(
        {
          scenario: 'resume',
          what: `catch up on ${MISSED_EVENTS.toLocaleString('en-US')} missed events`,
          value: seconds * 1000,
          unit: 'ms',
          note: `${counts.received.toLocaleString('en-US')} received`,
        },
        { scenario: 'resume', what: 'replay rate', value: counts.received / seconds, unit: 'events/s' },
      );
    } finally {
      await fleets?.stop();
      await gateway.stop();
    }
  },
};
