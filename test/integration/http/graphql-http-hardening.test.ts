import { getIntrospectionQuery } from 'graphql';
import { INTROSPECTION_MAX_DEPTH } from '../../../src/http/query-limits';
import {
  bearer,
  codesOf,
  type GraphqlBody,
  type HardenedGateway,
  KEYS,
  startHardenedGateway,
} from './support/hardening-harness';

const MESSAGE_QUERY = '{ message(id: "wamid.none") { id } }';

describe('GraphQL over HTTP: callers, limits and CSRF (RELIABILITY.md 15-20)', () => {
  let hardened: HardenedGateway;
  beforeAll(async () => {
    hardened = await startHardenedGateway();
  });
  afterAll(async () => {
    expect(await hardened.close()).toEqual([]);
    expect(hardened.scanner.size).toBeGreaterThan(20);
  });

  describe('case 15: callers', () => {
    it('answers 401 UNAUTHENTICATED to a request without a key, like a wrong key (docs/reliability.md, case 51)', async () => {
      const answer = await hardened.graphql(MESSAGE_QUERY);
      expect(answer.status).toBe(401);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.json<GraphqlBody>().errors![0]!.message).toBe(
        'Send an API key: Authorization: Bearer <key>.',
      );
      expect(answer.json<GraphqlBody>().data).toEqual({ message: null });
    });

    it('answers 401 to a keyless mutation too, and sends nothing', async () => {
      const answer = await hardened.graphql(
        'mutation { sendMessage(input: { to: "+12025550100", text: { body: "no key" } }) { message { id } } }',
      );
      expect(answer.status).toBe(401);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
    });

    it('still answers introspection and __typename without a key (the explorer loads the schema first)', async () => {
      const typename = await hardened.graphql('{ __typename }');
      expect(typename.status).toBe(200);
      expect(typename.json<GraphqlBody>()).toEqual({ data: { __typename: 'Query' } });
      const schema = await hardened.graphql('{ __schema { queryType { name } } }');
      expect(schema.status).toBe(200);
      expect(codesOf(schema)).toEqual([]);
    });

    it('answers 401 UNAUTHENTICATED to an unknown key, before any execution', async () => {
      const answer = await hardened.graphql(MESSAGE_QUERY, bearer('not-a-configured-key-000'));
      expect(answer.status).toBe(401);
      expect(codesOf(answer)).toEqual(['UNAUTHENTICATED']);
      expect(answer.json<GraphqlBody>().data).toBeUndefined();
    });

    it('answers FORBIDDEN to a key without the scope', async () => {
      const answer = await hardened.graphql(MESSAGE_QUERY, bearer(KEYS.send));
      expect(codesOf(answer)).toEqual(['FORBIDDEN']);
    });

    it('lets a key with the scope through', async () => {
      const answer = await hardened.graphql(MESSAGE_QUERY, bearer(KEYS.read));
      expect(answer.status).toBe(200);
      expect(answer.json<GraphqlBody>()).toEqual({ data: { message: null } });
    });

    it.each([
      ['debugToken', '{ debugToken { isValid } }'],
      ['phoneNumber', '{ phoneNumber { id } }'],
    ])('reserves %s for admin keys', async (_name, query) => {
      expect(codesOf(await hardened.graphql(query, bearer(KEYS.read)))).toEqual(['FORBIDDEN']);
      const admin = await hardened.graphql(query, bearer(KEYS.admin));
      expect(codesOf(admin)).toEqual([]);
    });
  });

  describe('cases 16-18: query limits, refused before execution', () => {
    it('case 16: refuses 2,000 aliases with QUERY_TOO_COMPLEX', async () => {
      const aliases = Array.from({ length: 2000 }, (_, index) => `a${index}: __typename`).join(' ');
      const answer = await hardened.graphql(`{ ${aliases} }`, bearer(KEYS.read));
      expect(answer.status).toBe(400);
      const body = answer.json<GraphqlBody>();
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX' });
    });

    it('refuses more aliases than configured with QUERY_TOO_COMPLEX and names the limit', async () => {
      const aliases = Array.from({ length: 31 }, (_, index) => `m${index}: message(id: "x") { id }`).join(
        ' ',
      );
      const answer = await hardened.graphql(`{ ${aliases} }`, bearer(KEYS.read));
      expect(answer.status).toBe(400);
      expect(answer.json<GraphqlBody>().errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'maxAliases' }),
        }),
      ]);
    });

    it('case 17: refuses a document of 10,000 tokens while parsing', async () => {
      const fields = Array.from({ length: 10_000 }, (_, index) => `f${index % 10}`).join(' ');
      const answer = await hardened.graphql(`{ ${fields} }`, bearer(KEYS.read));
      expect(answer.status).toBe(400);
      const body = answer.json<GraphqlBody>();
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxTokens' });
    });

    it('case 17: refuses a body over 100 KB with 413, unread', async () => {
      const answer = await hardened.graphql(`{ __typename } # ${'x'.repeat(110 * 1024)}`, bearer(KEYS.read));
      expect(answer.status).toBe(413);
    });

    it('case 18: refuses depth beyond the limit', async () => {
      // The schema has no cycle this deep: the depth is counted before fields are checked against it.
      let selection = 'url';
      for (let level = 0; level < 12; level += 1) selection = `links { ${selection} }`;
      const answer = await hardened.graphql(`{ explainError(code: 2) { ${selection} } }`, bearer(KEYS.read));
      expect(answer.status).toBe(400);
      expect(answer.json<GraphqlBody>().errors?.map((error) => error.extensions)).toContainEqual(
        expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'maxDepth' }),
      );
    });

    it('case 18: refuses introspection deeper than the introspection query tools send', async () => {
      let selection = 'name';
      for (let level = 0; level < INTROSPECTION_MAX_DEPTH; level += 1) selection = `ofType { ${selection} }`;
      const answer = await hardened.graphql(`{ __schema { types { ${selection} } } }`, bearer(KEYS.read));
      expect(answer.status).toBe(400);
      expect(answer.json<GraphqlBody>().errors?.[0]?.extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        limit: 'maxDepth',
      });
    });

    it('refuses too many directives', async () => {
      const directives = Array.from({ length: 21 }, () => '@include(if: true)').join(' ');
      const answer = await hardened.graphql(`{ __typename ${directives} }`, bearer(KEYS.read));
      expect(answer.json<GraphqlBody>().errors?.[0]?.extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        limit: 'maxDirectives',
      });
    });

    it('keeps ordinary validation errors as BAD_USER_INPUT, not internal errors', async () => {
      const answer = await hardened.graphql('{ noSuchField }', bearer(KEYS.read));
      expect(answer.status).toBe(400);
      expect(answer.json<GraphqlBody>().errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'GRAPHQL_VALIDATION_FAILED',
      });
    });
  });

  it('case 19: refuses a batch of 100 operations', async () => {
    const batch = Array.from({ length: 100 }, () => ({ query: '{ __typename }' }));
    const answer = await hardened.http('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(KEYS.read) },
      body: JSON.stringify(batch),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain('"data"');
  });

  it('case 20: refuses a text/plain POST without a preflight header (CSRF prevention)', async () => {
    const answer = await hardened.http('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...bearer(KEYS.read) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/CSRF/i);
  });

  it('answers a GET query only with a preflight header (CSRF prevention)', async () => {
    const path = `/graphql?query=${encodeURIComponent('{ __typename }')}`;
    expect((await hardened.http(path, { headers: bearer(KEYS.read) })).status).toBe(400);
    const allowed = await hardened.http(path, {
      headers: { ...bearer(KEYS.read), 'apollo-require-preflight': '1' },
    });
    expect(allowed.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('development: introspection and field suggestions are on', async () => {
    const introspection = await hardened.graphql('{ __schema { queryType { name } } }', bearer(KEYS.read));
    expect(introspection.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const typo = await hardened.graphql('{ mesage(id: "x") { id } }', bearer(KEYS.read));
    expect(typo.text).toContain('Did you mean');
  });

  it('development: answers the full introspection query that Sandbox, GraphiQL and code generators send', async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const answer = await hardened.graphql(query, bearer(KEYS.read));
    expect(answer.status).toBe(200);
    const types = answer.json<{ data: { __schema: { types: Array<{ name: string }> } } }>().data.__schema
      .types;
    expect(types.map((type) => type.name)).toEqual(
      expect.arrayContaining(['Message', 'Diagnosis', 'Locale']),
    );
  });
});

describe('GraphQL over HTTP in production (RELIABILITY.md 21)', () => {
  let hardened: HardenedGateway;
  beforeAll(async () => {
    hardened = await startHardenedGateway({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    expect(await hardened.close()).toEqual([]);
  });

  it('refuses introspection', async () => {
    const answer = await hardened.graphql('{ __schema { queryType { name } } }', bearer(KEYS.read));
    expect(answer.status).toBe(400);
    expect(answer.json<GraphqlBody>().data).toBeUndefined();
    expect(answer.text).toMatch(/introspection/i);
  });

  it('serves no landing page', async () => {
    const answer = await hardened.http('/graphql', { headers: { accept: 'text/html' } });
    expect(answer.text).not.toMatch(/sandbox|<html/i);
  });

  it('gives no field suggestions', async () => {
    const answer = await hardened.graphql('{ mesage(id: "x") { id } }', bearer(KEYS.read));
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(/Did you mean/);
  });

  it('turns introspection back on when configured', async () => {
    const open = await startHardenedGateway({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    try {
      const answer = await open.graphql('{ __schema { queryType { name } } }', bearer(KEYS.read));
      expect(answer.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    } finally {
      expect(await open.close()).toEqual([]);
    }
  });
});
