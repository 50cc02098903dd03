import { type Redis } from 'ioredis';
import { BENCH_RECIPIENT } from '../support/bench-constants';
import { startGatewayProcess } from '../support/child-process';
import { productionGatewayEnv } from '../support/gateway-env';
import { flushBenchDb } from '../support/redis-bench';
import { delay } from '../support/stats';
import { postStatuses } from '../support/webhook-poster';
import { type StatusSpec } from '../support/webhook-bodies';
import { timedMessageId } from '../support/webhook-bodies';
import { type Scenario } from './scenario-context';

/** 0.0002 days: 17.28 s, so that a soak passes the retention several times in a minute. */
const RETENTION_DAYS = '0.0002';
const RETENTION_MS = 0.0002 * 24 * 3600 * 1000;
const STREAM_MAX_LENGTH = 2_000;
const SIZED_MESSAGES = 2_000;
const SOAK_MS = 75_000;
const SOAK_MESSAGES_PER_TICK = 5;
const SOAK_TICK_MS = 100;
const SAMPLE_EVERY_MS = 5_000;
/** A key prefix of its own: only this gateway's keys are counted, whatever else shares the database. */
const KEY_PREFIX = 'bench-retention:';

/** A message's life as Meta reports it: sent, then delivered (two statuses, one record). */
function twoStatuses(count: number): StatusSpec[] {
  return Array.from({ length: count }, () => timedMessageId()).flatMap((messageId) => [
    { messageId, recipient: BENCH_RECIPIENT, status: 'sent' as const },
    { messageId, recipient: BENCH_RECIPIENT, status: 'delivered' as const },
  ]);
}

/**
 * Bytes the gateway's keys hold, by kind: MEMORY USAGE of every key under its prefix (the Redis may be
 * shared with other work, whose keys INFO's instance-wide figure would count too).
 */
async function bytesByKind(
  redis: Redis,
): Promise<{ records: number; indexes: number; stream: number; other: number; keys: number }> {
  const sizes = { records: 0, indexes: 0, stream: 0, other: 0, keys: 0 };
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${KEY_PREFIX}*`, 'COUNT', 1000);
    cursor = next;
    const usages = await Promise.all(keys.map((key) => redis.memory('USAGE', key, 'SAMPLES', 0)));
    keys.forEach((key, i) => {
      const bytes = Number(usages[i] ?? 0);
      sizes.keys += 1;
      if (key.includes(':msg:')) sizes.records += bytes;
      else if (key.includes(':idx:')) sizes.indexes += bytes;
      else if (key.endsWith(':events')) sizes.stream += bytes;
      else sizes.other += bytes;
    });
  } while (cursor !== '0');
  return sizes;
}

const total = (sizes: { records: number; indexes: number; stream: number; other: number }): number =>
  sizes.records + sizes.indexes + sizes.stream + sizes.other;

/**
 * docs/reliability.md, case 41: what one message costs in Redis, and a soak at a steady rate with a retention of 17 s
 * (`MESSAGE_RETENTION_DAYS=0.0002`) that shows the database flat once the retention is reached.
 */
export const retentionScenario: Scenario = {
  name: 'retention',
  async run(context) {
    await flushBenchDb(context.redis);
    const gateway = await startGatewayProcess(
      productionGatewayEnv(context.upstream.url, {
        MESSAGE_RETENTION_DAYS: RETENTION_DAYS,
        REDIS_KEY_PREFIX: KEY_PREFIX,
        STREAM_MAX_LENGTH: String(STREAM_MAX_LENGTH),
      }),
    );
    try {
      context.progress(`retention: sizing ${SIZED_MESSAGES.toLocaleString('en-US')} messages`);
      const statuses = twoStatuses(SIZED_MESSAGES);
      for (let i = 0; i < statuses.length; i += 80) {
        await Promise.all(
          [0, 1, 2, 3].map((k) => {
            const body = statuses.slice(i + k * 20, i + (k + 1) * 20);
            return body.length === 0 ? Promise.resolve() : postStatuses(gateway.url, body);
          }),
        );
      }
      const sized = await bytesByKind(context.redis);
      const events = Number(
        await context.redis.xlen((await context.redis.keys(`${KEY_PREFIX}*:events`))[0] ?? 'none'),
      );
      context.figures.push(
        {
          scenario: 'retention',
          what: 'bytes per message (record + indexes)',
          value: (sized.records + sized.indexes) / SIZED_MESSAGES,
          unit: 'B',
          note: `record ${Math.round(sized.records / SIZED_MESSAGES)} B, indexes ${Math.round(sized.indexes / SIZED_MESSAGES)} B; MEMORY USAGE over ${SIZED_MESSAGES.toLocaleString('en-US')} messages of 2 statuses`,
        },
        {
          scenario: 'retention',
          what: 'bytes per stream event',
          value: events === 0 ? Number.NaN : sized.stream / events,
          unit: 'B',
          note: `bounded by STREAM_MAX_LENGTH (here ${STREAM_MAX_LENGTH.toLocaleString('en-US')} events), not by time`,
        },
      );

      context.progress(`retention: soak of ${SOAK_MS / 1000} s with a ${RETENTION_MS / 1000} s retention`);
      const started = Date.now();
      const samples: Array<{ at: number; bytes: number; keys: number }> = [];
      let nextSample = started;
      let posted = 0;
      while (Date.now() - started < SOAK_MS) {
        const tick = Date.now();
        await postStatuses(gateway.url, twoStatuses(SOAK_MESSAGES_PER_TICK));
        posted += SOAK_MESSAGES_PER_TICK;
        if (tick >= nextSample) {
          const sizes = await bytesByKind(context.redis);
          samples.push({ at: (tick - started) / 1000, bytes: total(sizes), keys: sizes.keys });
          nextSample += SAMPLE_EVERY_MS;
        }
        await delay(Math.max(0, SOAK_TICK_MS - (Date.now() - tick)));
      }
      const rate = posted / ((Date.now() - started) / 1000);
      // Once the retention (and the stream's cap) is reached, what is written expires as fast.
      const reached = samples.filter((s) => s.at >= (RETENTION_MS / 1000) * 1.5);
      const first = reached[0];
      const last = samples[samples.length - 1];
      const kib = (bytes: number): number => bytes / 1024;
      if (first !== undefined && last !== undefined) {
        context.figures.push(
          {
            scenario: 'retention',
            what: `soak: bytes at ${first.at.toFixed(0)} s (retention reached)`,
            value: kib(first.bytes),
            unit: 'KiB',
            note: `${first.keys.toLocaleString('en-US')} keys; ${rate.toFixed(0)} messages/s, retention ${RETENTION_MS / 1000} s`,
          },
          {
            scenario: 'retention',
            what: `soak: bytes at ${last.at.toFixed(0)} s`,
            value: kib(last.bytes),
            unit: 'KiB',
            floorName: `at ${first.at.toFixed(0)} s`,
            floorValue: kib(first.bytes),
            lowerIsBetter: true,
            note: `${last.keys.toLocaleString('en-US')} keys; flat means a ratio near 1.00`,
          },
        );
      }
      context.notes.push(
        `retention soak, KiB of the gateway's keys every ${SAMPLE_EVERY_MS / 1000} s: ` +
          samples.map((s) => `${s.at.toFixed(0)} s ${kib(s.bytes).toFixed(0)}`).join(', '),
      );
    } finally {
      await gateway.stop();
    }
  },
};
