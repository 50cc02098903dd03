import { type Redis } from 'ioredis';
import { buildWireStatus, type WireStatus } from '../../../src/simulator';
import { type TestGateway, waitFor } from '../../support/gateway-harness';
import {
  flushDatabase,
  openTestRedis,
  redisDatabaseUrl,
  startLiveGateway,
} from '../live/support/live-gateway';
import { newWamid, postStatuses, uniquePhoneNumberId } from '../live/support/live-webhooks';

const DB = 11;
const REDIS_URL = redisDatabaseUrl(DB);
const T0 = 1_750_000_000;
const COUNT = 150;
const [R1, R2] = ['12025550186', '12025550187'];

interface Seeded {
  id: string;
  createdAt: number;
  phoneNumberId: string;
  recipient: string;
  status: 'SENT' | 'DELIVERED';
}

const MESSAGES = /* GraphQL */ `
  query Messages($filter: MessageFilter, $first: Int, $after: String) {
    messages(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
        }
      }
      nodes {
        id
        phoneNumberId
        recipient
        waId
        type
        status
        conflict
        createdAt
        updatedAt
        statusHistory {
          status
          timestamp
          receivedAt
          cursor
        }
        errors {
          code
        }
        conversation {
          id
        }
        pricing {
          category
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: Array<{ id: string; status: string; recipient: string; phoneNumberId: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Newest first: createdAt descending, then id descending in byte order. */
function newestFirst(a: Seeded, b: Seeded): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

describe('messages(filter, first, after) over GraphQL, on Redis', () => {
  let gateway: TestGateway;
  let redis: Redis;
  const [pnA, pnB] = [uniquePhoneNumberId(), uniquePhoneNumberId()];
  const seeded: Seeded[] = [];

  beforeAll(async () => {
    await flushDatabase(REDIS_URL);
    gateway = await startLiveGateway(REDIS_URL);
    redis = await openTestRedis(REDIS_URL);
    // Two messages per second, so that equal createdAt values are ordered by id.
    for (let i = 0; i < COUNT; i += 1) {
      seeded.push({
        id: newWamid(),
        createdAt: (T0 + Math.floor(i / 2)) * 1000,
        phoneNumberId: i % 2 === 0 ? pnA : pnB,
        recipient: i % 3 === 0 ? R1 : R2,
        status: i % 5 === 0 ? 'DELIVERED' : 'SENT',
      });
    }
    for (const pn of [pnA, pnB]) {
      const statuses: WireStatus[] = seeded
        .filter((m) => m.phoneNumberId === pn)
        .flatMap((m) => {
          const at = m.createdAt / 1000;
          const sent = buildWireStatus({
            messageId: m.id,
            status: 'sent',
            recipientId: m.recipient,
            timestamp: at,
          });
          return m.status === 'DELIVERED'
            ? [
                sent,
                buildWireStatus({
                  messageId: m.id,
                  status: 'delivered',
                  recipientId: m.recipient,
                  timestamp: at + 5,
                }),
              ]
            : [sent];
        });
      for (let i = 0; i < statuses.length; i += 25) {
        expect((await postStatuses(gateway.url, statuses.slice(i, i + 25), pn)).status).toBe(200);
      }
    }
  });
  afterAll(async () => {
    await redis?.quit();
    await gateway?.close();
    await flushDatabase(REDIS_URL);
  });

  const page = async (variables: Record<string, unknown>): Promise<Page> => {
    const { body } = await gateway.graphql<{ messages: Page }>(MESSAGES, variables);
    expect(body.errors).toBeUndefined();
    return body.data!.messages;
  };

  /** Every page, following the last edge's cursor. */
  const walk = async (filter: Record<string, unknown> | null, first: number): Promise<string[]> => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 1000; guard += 1) {
      const result: Page = await page({ filter, first, after });
      expect(result.edges.map((e) => e.node.id)).toEqual(result.nodes.map((n) => n.id));
      ids.push(...result.nodes.map((n) => n.id));
      if (!result.pageInfo.hasNextPage) {
        expect(result.pageInfo.endCursor).toBeNull();
        return ids;
      }
      expect(result.nodes).toHaveLength(first);
      // The last edge's cursor is the page's endCursor.
      expect(result.edges.at(-1)!.cursor).toBe(result.pageInfo.endCursor);
      after = result.edges.at(-1)!.cursor;
    }
    throw new Error('pagination did not end');
  };

  const expectedIds = (keep: (m: Seeded) => boolean): string[] =>
    seeded
      .filter(keep)
      .sort(newestFirst)
      .map((m) => m.id);

  it('pages through every message newest first with edge cursors', async () => {
    expect(await walk(null, 7)).toEqual(expectedIds(() => true));
  });

  it("resumes right after any edge's cursor, not only the last", async () => {
    const firstPage = await page({ first: 10 });
    const next = await page({ first: 5, after: firstPage.edges[3]!.cursor });
    expect(next.nodes.map((n) => n.id)).toEqual(firstPage.nodes.slice(4, 9).map((n) => n.id));
  });

  it.each([
    ['status', { status: ['DELIVERED'] }, (m: Seeded) => m.status === 'DELIVERED'],
    ['recipient (+E.164)', { recipient: `+${R1}` }, (m: Seeded) => m.recipient === R1],
    ['recipient (digits)', { recipient: R2 }, (m: Seeded) => m.recipient === R2],
    ['phoneNumberId', { phoneNumberId: pnB }, (m: Seeded) => m.phoneNumberId === pnB],
    [
      'time range',
      { from: new Date((T0 + 10) * 1000).toISOString(), to: new Date((T0 + 40) * 1000).toISOString() },
      (m: Seeded) => m.createdAt >= (T0 + 10) * 1000 && m.createdAt <= (T0 + 40) * 1000,
    ],
    [
      'recipient, phone number, status and time together',
      {
        recipient: `+${R1}`,
        phoneNumberId: pnA,
        status: ['SENT'],
        from: new Date((T0 + 20) * 1000).toISOString(),
      },
      (m: Seeded) =>
        m.recipient === R1 &&
        m.phoneNumberId === pnA &&
        m.status === 'SENT' &&
        m.createdAt >= (T0 + 20) * 1000,
    ],
  ])('filters by %s, across pages', async (_name, filter, keep) => {
    const expected = expectedIds(keep);
    expect(expected.length).toBeGreaterThan(3);
    expect(await walk(filter, 4)).toEqual(expected);
  });

  it('refuses an `after` it did not produce with BAD_USER_INPUT', async () => {
    const { body } = await gateway.graphql(MESSAGES, { first: 5, after: seeded[0]!.id });
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('costs one Redis round trip for 100 messages with their fields', async () => {
    await page({ first: 100 }); // loads the list script into Redis (EVALSHA, then EVAL once)
    const monitor = await redis.duplicate().monitor();
    const commands: string[] = [];
    // Commands a script runs inside Redis show with source `lua`: they are not round trips.
    monitor.on('monitor', (_time: string, args: string[], source: string, database: string) => {
      if (Number(database) === DB && source !== 'lua') commands.push(args.join(' ').slice(0, 80));
    });
    try {
      const result = await page({ first: 100 });
      expect(result.nodes).toHaveLength(100);
      // MONITOR reports commands in the order Redis ran them: once this one shows, the query's have too.
      await redis.echo('live-query-sentinel');
      await waitFor(() => commands.some((c) => c.includes('live-query-sentinel')));
      const byGateway = commands.filter((c) => !c.includes('live-query-sentinel'));
      expect(byGateway).toHaveLength(1);
      expect(byGateway[0]).toMatch(/^evalsha /i);
    } finally {
      monitor.disconnect();
    }
  });
});
