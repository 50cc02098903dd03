import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

type Probe = [file: string, importPath: string];

/**
 * One import each folder of `src/` must not make, and some it may. Each is linted as if written in a file
 * of that folder, so that a zone that stops matching (a glob typo, an import the plugin cannot resolve)
 * fails here instead of letting every import through.
 */
const FORBIDDEN: Probe[] = [
  ['src/config/x.ts', '../observability'],
  ['src/observability/x.ts', '../messages'],
  ['src/diagnosis/x.ts', '../config'],
  ['src/store-kit/x.ts', '../messages'],
  ['src/upstream/x.ts', '../messages'],
  ['src/messages/x.ts', '../contacts'],
  ['src/messages/x.ts', '../gateway'],
  ['src/contacts/x.ts', '../messages'],
  ['src/account-events/x.ts', '../messages'],
  ['src/calls/x.ts', '../contacts'],
  ['src/templates/x.ts', '../sending'],
  ['src/templates/x.ts', '../upstream'],
  ['src/templates/redis/x.ts', '../../account-events'],
  ['src/conversations/x.ts', '../webhooks'],
  ['src/sending/x.ts', '../graphql'],
  ['src/live/x.ts', '../graphql'],
  ['src/live/engine/x.ts', '../../sending'],
  ['src/webhooks/x.ts', '../graphql'],
  ['src/graphql/x.ts', '../webhooks'],
  ['src/graphql/x.ts', '../http'],
  ['src/http/x.ts', '../gateway'],
  ['src/simulator/x.ts', '../store-kit'],
  ['src/simulator/cli/x.ts', '../../graphql'],
];

const ALLOWED: Probe[] = [
  ['src/messages/x.ts', '../store-kit'],
  ['src/templates/x.ts', '../store-kit'],
  ['src/templates/x.ts', '../observability'],
  ['src/conversations/x.ts', '../contacts'],
  ['src/live/streams/x.ts', '../../conversations'],
  ['src/graphql/x.ts', '../live'],
  ['src/http/x.ts', '../webhooks'],
  ['src/simulator/cli/x.ts', '../../config'],
  ['src/gateway-x.ts', './http'],
];

/**
 * The zone errors of each probe, from one ESLint run in a process of its own: the config is an ES
 * module, which ESLint loads with a dynamic import that jest's module system refuses.
 */
function zoneErrorsOf(probes: readonly Probe[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, importPath] of JSON.parse(process.argv[1])) {
        const code = 'import * as imported from ' + JSON.stringify(importPath) + ';\\nexport { imported };\\n';
        const [result] = await eslint.lintText(code, { filePath: file });
        out.push(result.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();
  `;
  const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(probes)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

describe('the import zones of src/', () => {
  const forbidden = zoneErrorsOf(FORBIDDEN);
  const allowed = zoneErrorsOf(ALLOWED);

  it.each(FORBIDDEN.map((probe, i) => [...probe, i] as const))('%s may not import %s', (_f, path, i) => {
    expect(forbidden[i]).toEqual([
      expect.stringContaining(`Unexpected path "${path}" imported in restricted zone.`),
    ]);
  });

  it.each(ALLOWED.map((probe, i) => [...probe, i] as const))('%s may import %s', (_f, _path, i) => {
    expect(allowed[i]).toEqual([]);
  });
});
