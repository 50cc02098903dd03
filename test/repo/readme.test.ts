import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../../src/config';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const scripts = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('README.md', () => {
  it('lists every configuration variable, with its default, in its configuration table', () => {
    const table = section('Configuration');
    const rows = new Map(
      table
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()))
        .map(([, name, , defaultValue]) => [name!.replace(/`/g, ''), defaultValue!.replace(/\\\|/g, '|')]),
    );
    expect([...rows.keys()].sort()).toEqual(CONFIG_VARIABLES.map((variable) => variable.name).sort());
    for (const variable of CONFIG_VARIABLES)
      expect([variable.name, rows.get(variable.name)]).toEqual([variable.name, variable.default]);
  });

  it('gives a two-command quick start whose scripts exist', () => {
    const commands = [...section('Quick start').matchAll(/^(npm [^#\n]+?)\s*(?:#.*)?$/gm)].map((m) => m[1]);
    expect(commands).toEqual(['npm ci && npm start', 'npm test']);
    expect(scripts.start).toBeDefined();
    expect(scripts.test).toBeDefined();
  });

  it('runs only npm scripts that exist', () => {
    const used = [...readme.matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(5);
    for (const script of new Set(used))
      expect([script, scripts[script] !== undefined]).toEqual([script, true]);
  });

  it('links only to files of the repository that exist', () => {
    const links = [...readme.matchAll(/\]\(((?!https?:|#)[^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toEqual(expect.arrayContaining(['docs/simulator.md', 'docs/images/live-page.png']));
    for (const link of links) expect([link, existsSync(join(ROOT, link))]).toEqual([link, true]);
  });
});
