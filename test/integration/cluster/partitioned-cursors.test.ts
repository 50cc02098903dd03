import { MessageStatus, type StatusChangeEvent } from '../../../src/messages';
import { SEQUENCE_BASE_MS, sequenceUpdate } from '../../unit/messages/status-sequences';
import { waitFor } from '../../support/wait-for';
import { openClusterMessaging, type ClusterMessaging } from './redis-cluster-messaging';
import { startRedisCluster, type RedisClusterProcess } from './redis-cluster-process';

let cluster: RedisClusterProcess;
let h: ClusterMessaging;

beforeAll(async () => {
  cluster = await startRedisCluster(3);
  h = await openClusterMessaging(cluster);
}, 60_000);

afterAll(async () => {
  await h?.close();
  await cluster?.stop();
});

const key = (e: StatusChangeEvent): string => `${e.messageId}/${e.status}`;

it('resumes exactly from a live cursor, across every partition', async () => {
  const ids = Array.from({ length: 40 }, (_, i) => `wamid.P${i}`);
  expect(new Set(ids.map(h.partitionOf)).size).toBeGreaterThan(4);
  const received: StatusChangeEvent[] = [];
  await h.bus.subscribe((e) => received.push(e));
  for (const status of [MessageStatus.SENT, MessageStatus.DELIVERED]) {
    await h.store.applyStatuses(
      ids.map((id) => sequenceUpdate(id, { status, at: status === MessageStatus.SENT ? 1 : 2 })),
      SEQUENCE_BASE_MS + 5000,
    );
  }
  await waitFor(() => received.length === 80, 'eighty events on the bus');
  // Live cursors name every partition's position.
  expect(received.every((e) => e.cursor.split('_').length === h.store.partitionCount)).toBe(true);
  for (const i of [0, 17, 39, 40, 63, 79]) {
    const replay = await h.store.readEventsAfter(received[i]!.cursor, 1000);
    expect(replay.map(key).sort()).toEqual(
      received
        .slice(i + 1)
        .map(key)
        .sort(),
    );
  }
  // A replay pages by its own cursors without gaps or repeats.
  const paged: StatusChangeEvent[] = [];
  let cursor = received[9]!.cursor;
  for (;;) {
    const page = await h.store.readEventsAfter(cursor, 7);
    paged.push(...page);
    if (page.length < 7) break;
    cursor = page[page.length - 1]!.cursor;
  }
  expect(paged.map(key).sort()).toEqual(received.slice(10).map(key).sort());
  // getMany across partitions, aligned with the ids.
  const records = await h.store.getMany([...ids].reverse());
  expect(records.map((r) => r?.id)).toEqual([...ids].reverse());
  expect(records.every((r) => r?.status === MessageStatus.DELIVERED)).toBe(true);
});
