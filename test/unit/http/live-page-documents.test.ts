import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertEnumType, buildSchema, Kind, parse, validate } from 'graphql';

const ROOT = join(__dirname, '../../..');
const CONSOLE_DIR = join(ROOT, 'src/http/public/live');

/** The source of every module of the agent console, by file name: whichever one a piece moves to. */
function consoleModules(): Map<string, string> {
  const files = readdirSync(CONSOLE_DIR).filter((file) => file.endsWith('.js'));
  return new Map(files.map((file) => [file, readFileSync(join(CONSOLE_DIR, file), 'utf8')]));
}

/**
 * The GraphQL documents of the agent console: each `const NAME = /* GraphQL *\/ \`…\`` with its
 * `${FRAGMENT}` references filled in, as the page sends it.
 */
function consoleDocuments(): Map<string, string> {
  const raw = new Map<string, string>();
  for (const source of consoleModules().values()) {
    for (const match of source.matchAll(/const (\w+) = \/\* GraphQL \*\/ `((?:\\.|[^`\\])*)`/g)) {
      raw.set(match[1]!, match[2]!.replace(/\\(.)/g, '$1'));
    }
  }
  const filled = (text: string): string =>
    text.replace(/\$\{(\w+)\}/g, (_, name: string) => filled(raw.get(name) ?? `\${${name}}`));
  return new Map([...raw].map(([name, text]) => [name, filled(text)]));
}

/** The statuses the console's `STATUS_TONES = { ACCEPTED: 'pending', … }` gives a tone. */
function statusesWithATone(): string[] {
  const objects = [...consoleModules().values()].flatMap((source) =>
    [...source.matchAll(/const STATUS_TONES = \{([^}]*)\}/g)].map((match) => match[1]!),
  );
  if (objects.length !== 1) throw new Error(`STATUS_TONES is defined ${objects.length} times in the console`);
  return [...objects[0]!.matchAll(/^\s*(\w+):/gm)].map((match) => match[1]!);
}

const schema = buildSchema(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));

describe("the agent console's GraphQL documents", () => {
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

describe("the agent console's status badges", () => {
  it('have a tone for every value of MessageStatus in schema/schema.graphql', () => {
    const statuses = assertEnumType(schema.getType('MessageStatus'))
      .getValues()
      .map((value) => value.name);
    const toned = statusesWithATone();
    expect(statuses.filter((status) => !toned.includes(status))).toEqual([]);
  });
});
