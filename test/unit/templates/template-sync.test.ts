import { Writable } from 'node:stream';
import { createLogger, createSilentLogger } from '../../../src/observability';
import {
  MemoryTemplateCatalogueStore,
  startTemplateSyncTimer,
  type SyncScheduler,
  syncTemplates,
  type TemplateDefinition,
  type TemplatePage,
  type TemplateSource,
  TemplateStatus,
} from '../../../src/templates';
import { ACCOUNT } from './template-fixtures';

const NOW = Date.UTC(2026, 6, 3, 8, 0, 0);

const definitionOf = (id: string, status = 'APPROVED'): TemplateDefinition => ({
  id,
  name: `template_${id}`,
  language: 'en_US',
  status,
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Hi {{1}}' }],
});

/** A source serving `ids` in pages of `pageSize`, failing on page `failOnPage` when given. */
function source(
  ids: readonly string[],
  pageSize: number,
  failOnPage?: number,
): TemplateSource & { calls: Array<string | null> } {
  const calls: Array<string | null> = [];
  return {
    calls,
    async listPage(_account, after): Promise<TemplatePage> {
      calls.push(after);
      const start = after === null ? 0 : Number(after);
      if (failOnPage !== undefined && start / pageSize === failOnPage)
        throw new Error('Graph API answered 500');
      const next = start + pageSize;
      return {
        templates: ids.slice(start, next).map((id) => definitionOf(id)),
        after: next < ids.length ? String(next) : null,
        limit: 6_000,
      };
    },
  };
}

function captureLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe("syncing an account's templates", () => {
  it('reads every page, then replaces the catalogue, counting what went', async () => {
    const store = new MemoryTemplateCatalogueStore();
    await store.replaceAccount(ACCOUNT, []);
    await syncTemplates(ACCOUNT, {
      source: source(['1', '2', '9'], 10),
      store,
      logger: createSilentLogger(),
      now: () => NOW,
    });
    const paged = source(['1', '2', '3', '4', '5'], 2);
    const result = await syncTemplates(ACCOUNT, {
      source: paged,
      store,
      logger: createSilentLogger(),
      now: () => NOW,
    });
    expect(result).toEqual({ synced: 5, removed: 1, finishedAt: NOW, limit: 6_000 });
    expect(paged.calls).toEqual([null, '2', '4']);
    const read = await store.readAccount(ACCOUNT);
    expect(read.templates.map((t) => t.id).sort()).toEqual(['1', '2', '3', '4', '5']);
    expect(read.templates[0]).toEqual(
      expect.objectContaining({ businessAccountId: ACCOUNT, lastSyncedAt: NOW }),
    );
  });

  it('keeps the previous catalogue when a page fails half-way, says so, and logs one line', async () => {
    const store = new MemoryTemplateCatalogueStore();
    await syncTemplates(ACCOUNT, {
      source: source(['1', '2'], 10),
      store,
      logger: createSilentLogger(),
      now: () => NOW,
    });
    const { lines, logger } = captureLogger();
    const result = await syncTemplates(ACCOUNT, {
      source: source(['1', '3', '4', '5'], 2, 1),
      store,
      logger,
      now: () => NOW + 1,
    });
    expect(result).toEqual({ synced: 0, removed: 0, finishedAt: NOW + 1, error: 'Graph API answered 500' });
    expect((await store.readAccount(ACCOUNT)).templates.map((t) => t.id).sort()).toEqual(['1', '2']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual(
      expect.objectContaining({
        businessAccountId: ACCOUNT,
        pagesRead: 1,
        msg: expect.stringContaining('previous catalogue is kept'),
      }),
    );
  });

  it('stops on a cursor that repeats instead of reading for ever', async () => {
    const store = new MemoryTemplateCatalogueStore();
    const looping: TemplateSource = {
      listPage: async () => ({ templates: [definitionOf('1')], after: 'same' }),
    };
    const result = await syncTemplates(ACCOUNT, {
      source: looping,
      store,
      logger: createSilentLogger(),
      now: () => NOW,
    });
    expect(result.error).toContain('repeats');
    expect((await store.readAccount(ACCOUNT)).templates).toEqual([]);
  });

  it("keeps a paused template's window when the sync still lists it paused", async () => {
    const store = new MemoryTemplateCatalogueStore();
    const paused: TemplateSource = {
      listPage: async () => ({ templates: [definitionOf('1', 'PAUSED')], after: null }),
    };
    await syncTemplates(ACCOUNT, { source: paused, store, logger: createSilentLogger(), now: () => NOW });
    const [first] = (await store.readAccount(ACCOUNT)).templates;
    await store.upsert({ ...first!, pauseCount: 1, pausedUntil: NOW + 3 * 3_600_000 });
    await syncTemplates(ACCOUNT, {
      source: paused,
      store,
      logger: createSilentLogger(),
      now: () => NOW + 60_000,
    });
    expect((await store.readAccount(ACCOUNT)).templates[0]).toEqual(
      expect.objectContaining({
        status: TemplateStatus.PAUSED,
        pauseCount: 1,
        pausedUntil: NOW + 3 * 3_600_000,
        lastSyncedAt: NOW + 60_000,
      }),
    );
  });
});

/** Timers run only when the test says so. */
function steppedScheduler() {
  const pending = new Map<number, { run: () => void; delayMs: number }>();
  let next = 0;
  const scheduler: SyncScheduler = {
    setTimeout(run, delayMs) {
      next += 1;
      pending.set(next, { run, delayMs });
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    scheduler,
    pending,
    async fireAll() {
      const due = [...pending.entries()];
      pending.clear();
      for (const [, timer] of due) timer.run();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('the sync timer', () => {
  it('syncs every account each interval, timing the next round from the end of the last', async () => {
    const { scheduler, pending, fireAll } = steppedScheduler();
    const synced: string[] = [];
    const stop = startTemplateSyncTimer({
      intervalSeconds: 900,
      businessAccountIds: () => ['a', 'b'],
      sync: async (account) => synced.push(account),
      scheduler,
      logger: createSilentLogger(),
    });
    expect(synced).toEqual([]);
    expect([...pending.values()].map((t) => t.delayMs)).toEqual([900_000]);
    await fireAll();
    expect(synced).toEqual(['a', 'b']);
    expect(pending.size).toBe(1);
    await fireAll();
    expect(synced).toEqual(['a', 'b', 'a', 'b']);
    stop();
    expect(pending.size).toBe(0);
  });

  it('goes on with the next account when a sync throws', async () => {
    const { scheduler, pending, fireAll } = steppedScheduler();
    const synced: string[] = [];
    startTemplateSyncTimer({
      intervalSeconds: 60,
      businessAccountIds: () => ['a', 'b'],
      sync: async (account) => {
        if (account === 'a') throw new Error('boom');
        synced.push(account);
      },
      scheduler,
      logger: createSilentLogger(),
    });
    await fireAll();
    expect(synced).toEqual(['b']);
    expect(pending.size).toBe(1);
  });

  it('never schedules anything with an interval of 0', () => {
    const { scheduler, pending } = steppedScheduler();
    const stop = startTemplateSyncTimer({
      intervalSeconds: 0,
      businessAccountIds: () => ['a'],
      sync: async () => undefined,
      scheduler,
      logger: createSilentLogger(),
    });
    expect(pending.size).toBe(0);
    stop();
  });
});
