import { type Redis } from 'ioredis';
import {
  AccountEventKind,
  type AccountEventStore,
  InvalidAccountEventCursorError,
  MemoryAccountEventStore,
  type NewAccountEvent,
  RedisAccountEventStore,
} from '../../../src/account-events';
import { connectRedis, deleteKeys, randomKeyPrefix } from '../webhooks/webhook-store-setups';

let redis: Redis;
beforeAll(async () => {
  redis = await connectRedis(6379);
});
afterAll(async () => {
  await redis.quit();
});

const setups = [
  {
    name: 'memory',
    create: async () => ({
      events: new MemoryAccountEventStore() as AccountEventStore,
      close: async () => undefined,
    }),
  },
  {
    name: 'Redis',
    create: async () => {
      const keyPrefix = randomKeyPrefix('account-events');
      return {
        events: new RedisAccountEventStore(redis, { keyPrefix }) as AccountEventStore,
        close: () => deleteKeys(redis, keyPrefix),
      };
    },
  },
];

const event = (kind: AccountEventKind, n: number): NewAccountEvent => ({
  kind,
  field: kind === AccountEventKind.WEBHOOK_ERROR ? 'messages' : 'account_update',
  businessAccountId: '102290129340398',
  timestamp: 1_750_000_000_000 + n,
  receivedAt: 1_750_000_000_000 + n,
  payload: { n },
});

describe.each(setups)('the $name account event store', (setup) => {
  let events: AccountEventStore;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ events, close } = await setup.create());
  });
  afterEach(() => close());

  it('lists newest first in pages, filtered by kind, resuming after any cursor', async () => {
    const stored = await events.append(
      Array.from({ length: 25 }, (_, n) =>
        event(n % 5 === 0 ? AccountEventKind.WEBHOOK_ERROR : AccountEventKind.ACCOUNT_UPDATE, n),
      ),
    );
    expect(stored).toHaveLength(25);
    const first = await events.list(null, 10, null);
    expect(first.records.map((r) => r.payload['n'])).toEqual([24, 23, 22, 21, 20, 19, 18, 17, 16, 15]);
    expect(first.hasNextPage).toBe(true);
    const second = await events.list(null, 20, first.endCursor);
    expect(second.records.map((r) => r.payload['n'])).toEqual([
      14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    ]);
    expect(second).toMatchObject({ hasNextPage: false, endCursor: null });

    const errors = await events.list([AccountEventKind.WEBHOOK_ERROR], 3, null);
    expect(errors.records.map((r) => r.payload['n'])).toEqual([20, 15, 10]);
    const rest = await events.list([AccountEventKind.WEBHOOK_ERROR], 3, errors.endCursor);
    expect(rest.records.map((r) => r.payload['n'])).toEqual([5, 0]);
    expect(rest.hasNextPage).toBe(false);
  });

  it('does not append an event again when Meta retries the body', async () => {
    expect(await events.append([event(AccountEventKind.OTHER, 1)])).toHaveLength(1);
    const again = await events.append([event(AccountEventKind.OTHER, 1), event(AccountEventKind.OTHER, 2)]);
    expect(again.map((r) => r.payload['n'])).toEqual([2]);
    expect((await events.list(null, 10, null)).records).toHaveLength(2);
  });

  it('refuses a cursor it did not make', async () => {
    await expect(events.list(null, 10, 'yesterday')).rejects.toBeInstanceOf(InvalidAccountEventCursorError);
  });
});
