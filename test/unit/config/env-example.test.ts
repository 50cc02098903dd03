import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { CONFIG_VARIABLES } from '../../../src/config';

/**
 * The variables of the configuration table in the design's API.md, the public contract: the gateway must
 * keep reading every one of them.
 */
const API_CONTRACT_VARIABLES = [
  'PORT',
  'HOST',
  'REDIS_URL',
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
  'WHATSAPP_BUSINESS_ACCOUNT_ID',
  'WHATSAPP_APP_ID',
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
  'GRAPH_API_BASE_URL',
  'GRAPH_API_VERSION',
  'GATEWAY_API_KEYS',
  'SIMULATOR_PORT',
  'SIMULATOR_WEBHOOK_URL',
];

interface ExampleEntry {
  name: string;
  value: string;
  /** The `# --- Group ---` heading above it. */
  group: string | null;
  /** The comment lines right above it, up to the blank line before. */
  comments: string[];
}

function readEnvExample(text: string): ExampleEntry[] {
  const entries: ExampleEntry[] = [];
  let group: string | null = null;
  let comments: string[] = [];
  for (const line of text.split('\n')) {
    const heading = /^# --- (.+) ---$/.exec(line);
    const assignment = /^# ?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (heading) {
      group = heading[1]!;
      comments = [];
    } else if (assignment) {
      entries.push({ name: assignment[1]!, value: assignment[2]!, group, comments });
      comments = [];
    } else if (line.startsWith('#')) {
      comments.push(line);
    } else {
      comments = [];
    }
  }
  return entries;
}

describe('.env.example', () => {
  const text = readFileSync(join(__dirname, '../../../.env.example'), 'utf8');
  const entries = readEnvExample(text);
  const registry = new Map(CONFIG_VARIABLES.map((variable) => [variable.name as string, variable]));

  it('names exactly the registered variables, each once', () => {
    expect(entries.map((entry) => entry.name).sort()).toEqual([...registry.keys()].sort());
  });

  it('sets nothing: every variable is commented out', () => {
    expect(parseDotenv(text)).toEqual({});
  });

  it("lists them in the registry's order, under their group's heading", () => {
    expect(entries.map((entry) => [entry.name, entry.group])).toEqual(
      CONFIG_VARIABLES.map((variable) => [variable.name, variable.group]),
    );
  });

  it('explains each variable with its meaning and default', () => {
    for (const entry of entries) {
      const variable = registry.get(entry.name)!;
      expect([entry.name, entry.comments]).toEqual([
        entry.name,
        [`# ${variable.meaning}.`, `# Default: ${variable.default}`],
      ]);
    }
  });

  it('gives no example value to a secret, and its default to a variable that has one', () => {
    for (const entry of entries) {
      const variable = registry.get(entry.name)!;
      const literal = variable.default !== 'unset' && !/\s/.test(variable.default);
      if (variable.secret) expect([entry.name, entry.value]).toEqual([entry.name, '']);
      else if (literal) expect([entry.name, entry.value]).toEqual([entry.name, variable.default]);
    }
  });
});

describe('the configuration registry', () => {
  it("holds every variable of API.md's configuration table", () => {
    const names = CONFIG_VARIABLES.map((variable) => variable.name as string);
    expect(API_CONTRACT_VARIABLES.filter((name) => !names.includes(name))).toEqual([]);
  });
});
