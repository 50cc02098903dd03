import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeResults, scenarioBlock, scenarioBlocks, type ScenarioResult } from '../../bench/support/report';

const ROOT = join(__dirname, '..', '..');
const ORDER = ['send', 'read', 'fan-out'];

function result(scenario: string, value: number, note?: string): ScenarioResult {
  return {
    scenario,
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      memoryGiB: 24,
      node: 'v20.0.0',
      redis: '7.0.15',
      date: '2026-12-08T00:00:00.000Z',
      loadAverage: { start: 1, end: 2 },
    },
    seconds: 12,
    command: `npm run bench -- ${scenario}`,
    figures: [
      { scenario, what: 'throughput', value, unit: 'req/s', floorName: 'floor', floorValue: 2 * value },
    ],
    notes: note === undefined ? [] : [note],
  };
}

describe('bench/RESULTS.md: one generated block per scenario', () => {
  it('replaces the blocks of the scenarios that ran and keeps every other one as it was', () => {
    const first = mergeResults(null, [result('send', 100), result('read', 200, 'read: a note')], ORDER);
    const second = mergeResults(first, [result('send', 300)], ORDER);

    const blocks = scenarioBlocks(second);
    expect([...blocks.keys()]).toEqual(['send', 'read']);
    expect(blocks.get('read')).toBe(scenarioBlocks(first).get('read'));
    expect(blocks.get('read')).toContain('- read: a note');
    expect(blocks.get('send')).toContain('| throughput | 300 req/s | floor: 600 req/s | 0.50 |  |');
    expect(second).not.toContain('100 req/s');
  });

  it('orders blocks as the bench runs its scenarios, and keeps those of scenarios it no longer knows', () => {
    const previous = mergeResults(null, [result('retired', 1), result('fan-out', 2)], ['retired', 'fan-out']);
    const merged = mergeResults(previous, [result('send', 3)], ORDER);
    expect([...scenarioBlocks(merged).keys()]).toEqual(['send', 'fan-out', 'retired']);
  });

  it('starts afresh from a file without blocks, and drops what was written outside them', () => {
    const merged = mergeResults('# Old results\n\nhand-written text\n', [result('read', 5)], ORDER);
    expect(merged).not.toContain('hand-written text');
    expect([...scenarioBlocks(merged).keys()]).toEqual(['read']);
    expect(merged.startsWith('# Benchmark results\n')).toBe(true);
  });

  it('writes a block that says when, where and under which load it ran', () => {
    const block = scenarioBlock(result('send', 10));
    expect(block.split('\n').slice(0, 7)).toEqual([
      '<!-- bench scenario: send -->',
      '',
      '## send',
      '',
      '- ended: 2026-12-08T00:00:00.000Z, after 12 s, in a run of `npm run bench -- send`',
      '- machine: Test CPU, 2 cores, 24 GiB; Node v20.0.0, Redis 7.0.15',
      '- load average (1 min) at start / end: 1.00 / 2.00',
    ]);
  });

  it('is committed in that form: a run that replaces nothing leaves it byte for byte', () => {
    const committed = readFileSync(join(ROOT, 'bench', 'RESULTS.md'), 'utf8');
    const names = [...scenarioBlocks(committed).keys()];
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(mergeResults(committed, [], names)).toBe(committed);
  });
});
