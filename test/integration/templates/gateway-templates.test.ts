import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import { TEMPLATE_EVENT_PATH } from '../../../src/simulator';
import { type GraphqlResponse, startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { deleteKeysWithPrefix } from '../../support/use-test-gateway';
import { waitFor } from '../../support/wait-for';

/** A database shared with other suites: this file's keys get a prefix of their own, nothing is flushed. */
const REDIS_URL = 'redis://127.0.0.1:6379/13';
const TEMPLATE_COUNT = 60;

const TEMPLATES = /* GraphQL */ `
  query Templates($filter: TemplateFilter, $first: Int, $after: String) {
    templates(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes {
        id
        name
        language
        businessAccountId
        status
        category
        parameterFormat
        quality
        sendable
        components
        parameters {
          component
          position
          name
          kind
          example
        }
        lastSyncedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const TEMPLATE = /* GraphQL */ `
  query Template($name: String!, $language: String!) {
    template(name: $name, language: $language) {
      id
      status
      sendable
      pausedUntil
      history {
        kind
        field
        payload
      }
    }
  }
`;

const SYNC = /* GraphQL */ `
  mutation Sync {
    syncTemplates {
      businessAccountId
      synced
      removed
      finishedAt
      error
    }
  }
`;

interface TemplateNode {
  id: string;
  name: string;
  language: string;
  status: string;
  sendable: boolean;
}
interface TemplatesData {
  templates: {
    totalCount: number;
    nodes: TemplateNode[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
interface TemplateData {
  template: {
    id: string;
    status: string;
    sendable: boolean;
    pausedUntil: string | null;
    history: Array<{ kind: string; field: string; payload: Record<string, unknown> }>;
  } | null;
}
interface SyncData {
  syncTemplates: {
    businessAccountId: string;
    synced: number;
    removed: number;
    finishedAt: string;
    error: string | null;
  };
}

/** Every page of `templates`, 25 at a time. */
async function allTemplates(gateway: TestGateway): Promise<TemplateNode[]> {
  const nodes: TemplateNode[] = [];
  let after: string | null = null;
  for (;;) {
    const answer: GraphqlResponse<TemplatesData> = await gateway.graphql<TemplatesData>(TEMPLATES, {
      first: 25,
      after,
    });
    expect(answer.body.errors).toBeUndefined();
    const page: TemplatesData['templates'] = answer.body.data!.templates;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

async function statusOf(gateway: TestGateway, name: string, language: string): Promise<string | undefined> {
  const answer = await gateway.graphql<TemplateData>(TEMPLATE, { name, language });
  return answer.body.data?.template?.status;
}

/** Posts a template event to the simulator through the gateway's own port. */
async function postTemplateEvent(gateway: TestGateway, event: Record<string, unknown>): Promise<number> {
  const answer = await request(`${gateway.url}${TEMPLATE_EVENT_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  await answer.body.dump();
  return answer.statusCode;
}

const waitForCatalogue = (gateway: TestGateway) =>
  waitFor(
    async () => {
      const answer = await gateway.graphql<TemplatesData>(TEMPLATES, { first: 1 });
      return answer.body.data?.templates.totalCount === TEMPLATE_COUNT;
    },
    'the first template sync',
    10_000,
  );

describe.each([
  ['embedded store', () => ({})],
  ['Redis', () => ({ REDIS_URL, REDIS_KEY_PREFIX: `tpl-gw-${randomBytes(4).toString('hex')}:` })],
])('a started gateway keeps the simulator’s templates (%s)', (_store, storeEnv) => {
  let env: Record<string, string>;
  let gateway: TestGateway;

  beforeAll(async () => {
    env = { SIMULATOR_WEBHOOK_DELAY_MS: '1', ...storeEnv() };
    gateway = await startTestGateway(env);
    await waitForCatalogue(gateway);
  });
  afterAll(async () => {
    await gateway?.close();
    if (env.REDIS_KEY_PREFIX !== undefined) await deleteKeysWithPrefix(REDIS_URL, env.REDIS_KEY_PREFIX);
  });

  it('lists every template of the account, page by page, each once, with its parameters', async () => {
    const nodes = await allTemplates(gateway);
    expect(nodes).toHaveLength(TEMPLATE_COUNT);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(TEMPLATE_COUNT);
    const answer = await gateway.graphql<TemplatesData>(TEMPLATES, {
      filter: { name: 'order_update', language: 'en_US' },
    });
    expect(answer.body.data!.templates.nodes).toEqual([
      expect.objectContaining({
        name: 'order_update',
        language: 'en_US',
        businessAccountId: gateway.simulator!.wabaId,
        status: 'APPROVED',
        category: 'UTILITY',
        parameterFormat: 'POSITIONAL',
        quality: 'GREEN',
        sendable: true,
        components: [expect.objectContaining({ type: 'BODY', text: 'Your order {{1}} has been updated.' })],
        parameters: [{ component: 'BODY', position: 1, name: null, kind: 'TEXT', example: '4471' }],
      }),
    ]);
  });

  it('filters by sendable and status', async () => {
    const unsendable = await gateway.graphql<TemplatesData>(TEMPLATES, {
      filter: { sendable: false },
      first: 100,
    });
    const nodes = unsendable.body.data!.templates.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((node) => node.status !== 'APPROVED' && !node.sendable)).toBe(true);
  });

  it('follows a template event posted through the simulator at once, and keeps it in the history', async () => {
    expect(
      await postTemplateEvent(gateway, {
        field: 'status',
        name: 'order_update',
        language: 'en_US',
        status: 'PAUSED',
      }),
    ).toBe(200);
    await waitFor(async () => (await statusOf(gateway, 'order_update', 'en_US')) === 'PAUSED', 'the pause');
    const answer = await gateway.graphql<TemplateData>(TEMPLATE, { name: 'order_update', language: 'en_US' });
    expect(answer.body.data!.template).toEqual(
      expect.objectContaining({ status: 'PAUSED', sendable: false, pausedUntil: expect.any(String) }),
    );
    expect(answer.body.data!.template!.history[0]).toEqual(
      expect.objectContaining({ kind: 'TEMPLATE_STATUS', field: 'message_template_status_update' }),
    );
    await postTemplateEvent(gateway, {
      field: 'status',
      name: 'order_update',
      language: 'en_US',
      status: 'APPROVED',
    });
    await waitFor(
      async () => (await statusOf(gateway, 'order_update', 'en_US')) === 'APPROVED',
      'the approval',
    );
  });

  it('re-reads a template whose components changed', async () => {
    const body = 'Your order {{1}} is on its way.';
    expect(
      await postTemplateEvent(gateway, {
        field: 'components',
        name: 'order_update',
        language: 'en_US',
        body,
      }),
    ).toBe(200);
    await waitFor(async () => {
      const answer = await gateway.graphql<{
        templates: { nodes: Array<{ components: Array<{ text?: string }> }> };
      }>(TEMPLATES, { filter: { name: 'order_update', language: 'en_US' } });
      return answer.body.data?.templates.nodes[0]?.components.some((component) => component.text === body);
    }, 'the new components');
  });

  it('syncs on request', async () => {
    const answer = await gateway.graphql<SyncData>(SYNC);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.syncTemplates).toEqual({
      businessAccountId: gateway.simulator!.wabaId,
      synced: TEMPLATE_COUNT,
      removed: 0,
      finishedAt: expect.any(String),
      error: null,
    });
  });
});

describe('two gateways on one Redis', () => {
  const env = {
    REDIS_URL,
    REDIS_KEY_PREFIX: `tpl-two-${randomBytes(4).toString('hex')}:`,
    SIMULATOR_WEBHOOK_DELAY_MS: '1',
  };
  let first: TestGateway;
  let second: TestGateway;

  beforeAll(async () => {
    [first, second] = await Promise.all([startTestGateway(env), startTestGateway(env)]);
    await Promise.all([waitForCatalogue(first), waitForCatalogue(second)]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await deleteKeysWithPrefix(REDIS_URL, env.REDIS_KEY_PREFIX);
  });

  it('shows a template event that reached one of them on the other too', async () => {
    expect(
      await postTemplateEvent(first, {
        field: 'quality',
        name: 'invoice_ready',
        language: 'en_US',
        quality: 'RED',
      }),
    ).toBe(200);
    await postTemplateEvent(first, {
      field: 'status',
      name: 'invoice_ready',
      language: 'en_US',
      status: 'PAUSED',
    });
    await waitFor(
      async () => (await statusOf(second, 'invoice_ready', 'en_US')) === 'PAUSED',
      'the pause on the other',
    );
  });
});

describe('a sync that fails', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ SIMULATOR_WEBHOOK_DELAY_MS: '1', UPSTREAM_BREAKER_FAILURES: '1000' });
    await waitForCatalogue(gateway);
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('reports the failure and keeps the previous catalogue', async () => {
    // The Graph API (the embedded simulator) goes away: every page read fails.
    await gateway.simulator!.close();
    const answer = await gateway.graphql<SyncData>(SYNC);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.syncTemplates).toEqual(
      expect.objectContaining({ synced: 0, removed: 0, error: expect.any(String) }),
    );
    expect(answer.body.data!.syncTemplates.error).not.toBe('');
    expect(await allTemplates(gateway)).toHaveLength(TEMPLATE_COUNT);
  });
});
