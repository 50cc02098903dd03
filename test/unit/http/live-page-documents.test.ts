import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, validate } from 'graphql';

const ROOT = join(__dirname, '../../..');

/**
 * The GraphQL documents of the agent console's `api.js`: each `const NAME = /* GraphQL *\/ \`…\`` with
 * its `${FRAGMENT}` references filled in, as the page sends it.
 */
function consoleDocuments(): Map<string, string> {
  const source = readFileSync(join(ROOT, 'src/http/public/live/api.js'), 'utf8');
  const raw = new Map<string, string>();
  for (const match of source.matchAll(/const (\w+) = \/\* GraphQL \*\/ `((?:\\.|[^`\\])*)`/g)) {
    raw.set(match[1]!, match[2]!.replace(/\\(.)/g, '$1'));
  }
  const filled = (text: string): string =>
    text.replace(/\$\{(\w+)\}/g, (_, name: string) => filled(raw.get(name) ?? `\${${name}}`));
  return new Map([...raw].map(([name, text]) => [name, filled(text)]));
}

describe("the agent console's GraphQL documents", () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));
  const operations = [...consoleDocuments()].filter(([, text]) =>
    parse(text).definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION),
  );

  it('are all found', () => {
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining(['CONVERSATION', 'MESSAGES_RECEIVED', 'SEND_TEXT', 'STATUS_CHANGES']),
    );
  });

  it.each(operations)('%s is valid against schema/schema.graphql', (_name, text) => {
    expect(validate(schema, parse(text)).map((error) => error.message)).toEqual([]);
  });
});
