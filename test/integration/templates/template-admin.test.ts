import { randomBytes } from 'node:crypto';
import { type GraphqlResponse, startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { deleteKeysWithPrefix } from '../../support/use-test-gateway';
import { waitFor } from '../../support/wait-for';

/** A database shared with other suites: this file's keys get a prefix of their own, nothing is flushed. */
const REDIS_URL = 'redis://127.0.0.1:6379/13';
/** Short, so that the simulator's review (and its webhook) comes within a test. */
const REVIEW_DELAY_MS = 150;
/** The simulator's catalogue at start (its default `templateCount`). */
const SEEDED_TEMPLATES = 60;

const CREATE = /* GraphQL */ `
  mutation Create($input: CreateTemplateInput!) {
    createTemplate(input: $input) {
      id
      name
      language
      status
      category
      sendable
      parameters {
        component
        position
        kind
      }
    }
  }
`;
const DELETE = /* GraphQL */ `
  mutation Delete($name: String!, $language: String) {
    deleteTemplate(name: $name, language: $language)
  }
`;
const TEMPLATE = /* GraphQL */ `
  query Template($name: String!, $language: String!) {
    template(name: $name, language: $language) {
      id
      status
      rejectedReason
    }
  }
`;

interface CreateData {
  createTemplate: { id: string; name: string; language: string; status: string; category: string };
}
interface TemplateData {
  template: { id: string; status: string; rejectedReason: string | null } | null;
}

const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(4).toString('hex')}`;

function createInput(name: string, language = 'en_US'): Record<string, unknown> {
  return {
    name,
    language,
    category: 'UTILITY',
    parameterFormat: 'POSITIONAL',
    components: [
      { type: 'BODY', text: 'Your parcel {{1}} is on its way.', example: { body_text: [['A-113']] } },
    ],
  };
}

async function templateOf(gateway: TestGateway, name: string, language: string) {
  const answer = await gateway.graphql<TemplateData>(TEMPLATE, { name, language });
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data!.template;
}

/** Out of the catalogue: the delete removes it, and so does the DELETED status webhook that follows. */
async function gone(gateway: TestGateway, name: string, language: string): Promise<boolean> {
  return (await templateOf(gateway, name, language)) === null;
}

const waitForStatus = (gateway: TestGateway, name: string, language: string, status: string) =>
  waitFor(
    async () => (await templateOf(gateway, name, language))?.status === status,
    `${name} ${language} ${status}`,
    10_000,
  );

describe.each([
  ['embedded store', () => ({})],
  ['Redis', () => ({ REDIS_URL, REDIS_KEY_PREFIX: `tpl-admin-${randomBytes(4).toString('hex')}:` })],
])('createTemplate and deleteTemplate against the simulator (%s)', (_store, storeEnv) => {
  let env: Record<string, string>;
  let gateway: TestGateway;

  beforeAll(async () => {
    env = {
      SIMULATOR_WEBHOOK_DELAY_MS: '1',
      SIMULATOR_TEMPLATE_REVIEW_DELAY_MS: String(REVIEW_DELAY_MS),
      ...storeEnv(),
    };
    gateway = await startTestGateway(env);
    // The first sync replaces the whole catalogue with the list it read: a template created before it
    // ends could be dropped until the review's webhook brings it back.
    await waitFor(
      async () => {
        const answer = await gateway.graphql<{ templates: { totalCount: number } }>(
          'query { templates(first: 1) { totalCount } }',
        );
        return (answer.body.data?.templates.totalCount ?? 0) >= SEEDED_TEMPLATES;
      },
      'the first template sync',
      10_000,
    );
  });
  afterAll(async () => {
    await gateway?.close();
    if (env.REDIS_KEY_PREFIX !== undefined) await deleteKeysWithPrefix(REDIS_URL, env.REDIS_KEY_PREFIX);
  });

  it('creates a template PENDING, shown at once, then APPROVED once the review’s webhook comes', async () => {
    const name = uniqueName('parcel_update');
    const answer = await gateway.graphql<CreateData>(CREATE, { input: createInput(name) });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data!.createTemplate).toEqual(
      expect.objectContaining({ name, language: 'en_US', status: 'PENDING', category: 'UTILITY' }),
    );
    // Before the review's delay is over: the catalogue has it already.
    expect(await templateOf(gateway, name, 'en_US')).toEqual(
      expect.objectContaining({ id: answer.body.data!.createTemplate.id, status: 'PENDING' }),
    );
    await waitForStatus(gateway, name, 'en_US', 'APPROVED');
  });

  it('shows a rejection the review posts', async () => {
    const name = uniqueName('rejected_offer');
    const answer = await gateway.graphql<CreateData>(CREATE, { input: createInput(name) });
    expect(answer.body.errors).toBeUndefined();
    await waitForStatus(gateway, name, 'en_US', 'REJECTED');
    expect((await templateOf(gateway, name, 'en_US'))?.rejectedReason).toBe('INVALID_FORMAT');
  });

  it('explains a duplicate with Meta’s code and subcode, and leaks no secret', async () => {
    const name = uniqueName('duplicate');
    expect(
      (await gateway.graphql<CreateData>(CREATE, { input: createInput(name) })).body.errors,
    ).toBeUndefined();
    const again: GraphqlResponse<CreateData> = await gateway.graphql<CreateData>(CREATE, {
      input: createInput(name),
    });
    expect(again.body.data).toBeNull();
    const [error] = again.body.errors ?? [];
    expect(error?.extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', metaCode: 100, metaSubcode: 2388024 }),
    );
    expect(error?.message).toContain('2388024');
    expect(JSON.stringify(again.body)).not.toMatch(/access_token|EAA[A-Za-z0-9]{10}/);
  });

  it('refuses a name, category or components Meta would refuse, before calling Meta', async () => {
    const before = gateway.simulator!.stats.requests.templates;
    for (const [input, field] of [
      [{ ...createInput('Has Spaces') }, 'input.name'],
      [{ ...createInput(uniqueName('fine')), category: 'UNKNOWN' }, 'input.category'],
      [{ ...createInput(uniqueName('fine')), components: [] }, 'input.components'],
    ] as const) {
      const answer = await gateway.graphql<CreateData>(CREATE, { input });
      expect(answer.body.errors?.[0]?.extensions).toEqual(
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      );
    }
    expect(gateway.simulator!.stats.requests.templates).toBe(before);
  });

  it('deletes one language, then every language of a name', async () => {
    const name = uniqueName('two_languages');
    for (const language of ['en_US', 'zh_TW']) {
      const created = await gateway.graphql<CreateData>(CREATE, { input: createInput(name, language) });
      expect(created.body.errors).toBeUndefined();
    }
    const one = await gateway.graphql<{ deleteTemplate: boolean }>(DELETE, { name, language: 'zh_TW' });
    expect(one.body).toEqual({ data: { deleteTemplate: true } });
    expect(await gone(gateway, name, 'zh_TW')).toBe(true);
    expect(['PENDING', 'APPROVED']).toContain((await templateOf(gateway, name, 'en_US'))?.status);

    const all = await gateway.graphql<{ deleteTemplate: boolean }>(DELETE, { name });
    expect(all.body).toEqual({ data: { deleteTemplate: true } });
    expect(await gone(gateway, name, 'en_US')).toBe(true);
  });

  it('explains a delete of a name Meta does not have', async () => {
    const answer = await gateway.graphql(DELETE, { name: uniqueName('never_created') });
    expect(answer.body.errors?.[0]?.extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', metaCode: 100 }),
    );
  });
});
