import { createSilentLogger } from '../../../src/observability';
import {
  TemplateCatalogueCache,
  type TemplateCatalogueChange,
  type TemplateCatalogueStore,
  templateFromDefinition,
  type TemplateRecord,
  TemplateStatus,
} from '../../../src/templates';
import { waitFor } from '../../support/wait-for';
import {
  type CatalogueSetup,
  type CatalogueUnderTest,
  memoryCatalogue,
  redisCatalogue,
} from './catalogue-setups';

const ACCOUNT = '102290129340398';
const OTHER_ACCOUNT = '555000111222333';

function template(
  id: string,
  name: string,
  overrides: Partial<TemplateRecord> = {},
  account = ACCOUNT,
): TemplateRecord {
  return {
    ...templateFromDefinition(
      account,
      {
        id,
        name,
        language: 'en_US',
        status: 'APPROVED',
        category: 'UTILITY',
        components: [
          { type: 'BODY', text: 'Hi {{1}}', example: { body_text: [['Ana']] } },
          { type: 'BUTTONS', buttons: [] },
        ],
      },
      1_000,
    ),
    ...overrides,
  };
}

/** The store as an instance that never hears the change at `lostRevision`. */
function dropping(store: TemplateCatalogueStore, lostRevision: number): TemplateCatalogueStore {
  return {
    replaceAccount: (account, templates) => store.replaceAccount(account, templates),
    upsert: (record) => store.upsert(record),
    remove: (account, id) => store.remove(account, id),
    readAccount: (account) => store.readAccount(account),
    accounts: () => store.accounts(),
    listen: (listener) => store.listen((change) => change.revision !== lostRevision && listener(change)),
  };
}

const byId = (records: readonly TemplateRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

describe.each<CatalogueSetup>([memoryCatalogue, redisCatalogue])('the $name template catalogue', (setup) => {
  let catalogue: CatalogueUnderTest;
  beforeEach(async () => {
    catalogue = await setup.create();
  });
  afterEach(() => catalogue.close());

  it("replaces an account's whole catalogue, counting what went, and leaves other accounts alone", async () => {
    const { instanceA: store } = catalogue;
    const other = template('9', 'other_account', {}, OTHER_ACCOUNT);
    await store.upsert(other);
    expect(
      await store.replaceAccount(ACCOUNT, [template('1', 'a'), template('2', 'b'), template('3', 'c')]),
    ).toEqual({ removed: 0 });
    expect(await store.replaceAccount(ACCOUNT, [template('2', 'b'), template('4', 'd')])).toEqual({
      removed: 2,
    });

    const read = await store.readAccount(ACCOUNT);
    expect(byId(read.templates).map((t) => t.id)).toEqual(['2', '4']);
    expect(read.templates[0]).toEqual(expect.objectContaining({ businessAccountId: ACCOUNT }));
    expect((await store.readAccount(OTHER_ACCOUNT)).templates).toEqual([other]);
    expect((await store.accounts()).sort()).toEqual([ACCOUNT, OTHER_ACCOUNT].sort());
  });

  it('keeps a record exactly as written, empty arrays and all, and an empty replacement empties the account', async () => {
    const { instanceA: store } = catalogue;
    const written = template('1', 'a', { pausedUntil: 5_000, pauseCount: 1, status: TemplateStatus.PAUSED });
    await store.upsert(written);
    expect((await store.readAccount(ACCOUNT)).templates).toEqual([written]);
    expect(await store.replaceAccount(ACCOUNT, [])).toEqual({ removed: 1 });
    expect((await store.readAccount(ACCOUNT)).templates).toEqual([]);
  });

  it('upserts and removes one template, counting revisions', async () => {
    const { instanceA: store } = catalogue;
    expect(await store.readAccount(ACCOUNT)).toEqual({ revision: 0, templates: [] });
    await store.upsert(template('1', 'a'));
    await store.upsert(
      template('1', 'a', { quality: template('1', 'a').quality, status: TemplateStatus.PAUSED }),
    );
    expect(await store.remove(ACCOUNT, '2')).toBe(false);
    const read = await store.readAccount(ACCOUNT);
    expect(read.revision).toBe(2);
    expect(read.templates.map((t) => t.status)).toEqual([TemplateStatus.PAUSED]);
    expect(await store.remove(ACCOUNT, '1')).toBe(true);
    expect(await store.readAccount(ACCOUNT)).toEqual({ revision: 3, templates: [] });
  });

  it('tells every instance about each change, with its revision', async () => {
    const heard: TemplateCatalogueChange[] = [];
    const stop = await catalogue.instanceB.listen((change) => heard.push(change));
    const a = template('1', 'a');
    await catalogue.instanceA.upsert(a);
    await catalogue.instanceA.remove(ACCOUNT, '1');
    await catalogue.instanceA.replaceAccount(ACCOUNT, [template('2', 'b')]);
    await waitFor(() => heard.length === 3);
    expect(heard).toEqual([
      { kind: 'UPSERTED', businessAccountId: ACCOUNT, revision: 1, template: a },
      { kind: 'REMOVED', businessAccountId: ACCOUNT, revision: 2, templateId: '1' },
      { kind: 'REPLACED', businessAccountId: ACCOUNT, revision: 3 },
    ]);
    stop();
  });

  describe('the local cache the send check reads', () => {
    let cache: TemplateCatalogueCache;
    afterEach(() => cache?.close());

    it('starts with every account the store holds', async () => {
      await catalogue.instanceA.replaceAccount(ACCOUNT, [template('1', 'order_update')]);
      await catalogue.instanceA.upsert(template('9', 'other', {}, OTHER_ACCOUNT));
      cache = await TemplateCatalogueCache.open(catalogue.instanceB, createSilentLogger());
      expect(cache.find(ACCOUNT, 'order_update', 'en_US')?.id).toBe('1');
      expect(cache.find(ACCOUNT, 'order_update', 'pt_BR')).toBeUndefined();
      expect(cache.find(OTHER_ACCOUNT, 'other', 'en_US')?.id).toBe('9');
      expect(cache.find(OTHER_ACCOUNT, 'order_update', 'en_US')).toBeUndefined();
    });

    it('sees a change made on another instance within milliseconds', async () => {
      cache = await TemplateCatalogueCache.open(catalogue.instanceB, createSilentLogger());
      const started = Date.now();
      await catalogue.instanceA.upsert(template('1', 'order_update', { status: TemplateStatus.PAUSED }));
      await waitFor(() => cache.find(ACCOUNT, 'order_update', 'en_US') !== undefined);
      const elapsed = Date.now() - started;
      expect(cache.find(ACCOUNT, 'order_update', 'en_US')?.status).toBe(TemplateStatus.PAUSED);
      expect(elapsed).toBeLessThan(1_000);

      await catalogue.instanceA.upsert(template('1', 'order_renamed'));
      await waitFor(() => cache.find(ACCOUNT, 'order_renamed', 'en_US') !== undefined);
      expect(cache.find(ACCOUNT, 'order_update', 'en_US')).toBeUndefined();

      await catalogue.instanceA.replaceAccount(ACCOUNT, [template('2', 'welcome'), template('3', 'receipt')]);
      await waitFor(() => cache.templatesOf(ACCOUNT).length === 2);
      expect(cache.find(ACCOUNT, 'order_renamed', 'en_US')).toBeUndefined();
      expect(cache.find(ACCOUNT, 'welcome', 'en_US')?.id).toBe('2');

      await catalogue.instanceA.remove(ACCOUNT, '2');
      await waitFor(() => cache.find(ACCOUNT, 'welcome', 'en_US') === undefined);
      expect(cache.templatesOf(ACCOUNT).map((t) => t.id)).toEqual(['3']);
    });

    it('reads the account again when it notices a change it missed', async () => {
      // Pub/sub delivers at most once: this view of the store loses the change at revision 2.
      const lossy = dropping(catalogue.instanceB, 2);
      cache = await TemplateCatalogueCache.open(lossy, createSilentLogger());
      await catalogue.instanceA.upsert(template('1', 'first'));
      await catalogue.instanceA.upsert(template('2', 'missed'));
      await catalogue.instanceA.upsert(template('3', 'third'));
      await waitFor(() => cache.find(ACCOUNT, 'third', 'en_US') !== undefined);
      await waitFor(() => cache.find(ACCOUNT, 'missed', 'en_US') !== undefined);
      expect(
        cache
          .templatesOf(ACCOUNT)
          .map((t) => t.id)
          .sort(),
      ).toEqual(['1', '2', '3']);
    });
  });
});
