import { SenderThroughput } from '../../../src/sending';

describe('SenderThroughput', () => {
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('answers unknown at first, looks the sender up once, then follows its level', async () => {
    const lookups: string[] = [];
    const throughput = new SenderThroughput({
      lookup: async (id) => {
        lookups.push(id);
        return { throughput: { level: id === 'high' ? 'HIGH' : 'STANDARD' } };
      },
    });
    expect(throughput.rateOf('high')).toBeUndefined();
    expect(throughput.rateOf('high')).toBeUndefined();
    expect(throughput.rateOf('standard')).toBeUndefined();
    await settle();
    expect(lookups).toEqual(['high', 'standard']);
    expect(throughput.rateOf('high')).toBe(1_000);
    expect(throughput.rateOf('standard')).toBe(80);
  });

  it('holds a number shared with the WhatsApp Business app to 20/s', async () => {
    const throughput = new SenderThroughput({
      lookup: async () => ({ throughput: { level: 'STANDARD' }, is_on_biz_app: true }),
    });
    throughput.rateOf('coexistence');
    await settle();
    expect(throughput.rateOf('coexistence')).toBe(20);
  });

  it('looks again once the level is stale, and waits before retrying a failed lookup', async () => {
    let now = 0;
    let level = 'STANDARD';
    let calls = 0;
    const throughput = new SenderThroughput({
      now: () => now,
      ttlMs: 1_000,
      lookup: async () => {
        calls += 1;
        if (level === 'FAIL') throw new Error('unreadable');
        return { throughput: { level } };
      },
    });
    throughput.rateOf('n');
    await settle();
    level = 'HIGH';
    expect(throughput.rateOf('n')).toBe(80);
    now = 1_500;
    throughput.rateOf('n');
    await settle();
    expect(throughput.rateOf('n')).toBe(1_000);
    level = 'FAIL';
    now = 3_000;
    throughput.rateOf('n');
    await settle();
    // The failed lookup keeps the last known rate and is not repeated on every send.
    expect(throughput.rateOf('n')).toBe(1_000);
    expect(calls).toBe(3);
  });

  it('learns from a phone number read for another reason', () => {
    const throughput = new SenderThroughput({ lookup: () => Promise.reject(new Error('not called')) });
    throughput.learn('n', { throughput: { level: 'HIGH' } });
    expect(throughput.rateOf('n')).toBe(1_000);
  });
});
