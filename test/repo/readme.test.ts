import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_VARIABLES } from '../../src/config';

const ROOT = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const readme = read('README.md');
const configuration = read('docs/configuration.md');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** Folders whose markdown is not the project's own: dependencies, build output, the bench's scratch space. */
const NOT_THE_PROJECTS = new Set(['node_modules', '.git', 'dist', join('bench', '.tmp')]);

/** Every markdown file of the project, as paths relative to the root. */
function markdownFiles(dir = ''): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (NOT_THE_PROJECTS.has(name) || NOT_THE_PROJECTS.has(path)) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The documents a reader follows: the README, everything under docs/, the bench's README. */
const DOCUMENTS = markdownFiles().filter(
  (path) => path === 'README.md' || path.startsWith(`docs${sep}`) || path === join('bench', 'README.md'),
);

/** Relative link targets of a markdown text (inline and reference links, images too), without fragments. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  const targets = [
    ...[...prose.matchAll(/\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!),
  ];
  return targets
    .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => decodeURI(target.split('#')[0]!));
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('docs/configuration.md', () => {
  it('lists every configuration variable, with its default, in its table', () => {
    const table = section(configuration, 'Variables');
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
});

describe('README.md', () => {
  it('gives a two-command quick start whose scripts exist', () => {
    const commands = [...section(readme, 'Quick start').matchAll(/^(npm [^#\n]+?)\s*(?:#.*)?$/gm)].map(
      (m) => m[1],
    );
    expect(commands).toEqual(['npm ci && npm start', 'npm test']);
    expect(scripts.start).toBeDefined();
    expect(scripts.test).toBeDefined();
  });

  it('links the documents under docs/ and the screenshots', () => {
    expect(relativeLinks(readme)).toEqual(
      expect.arrayContaining([
        'docs/api.md',
        'docs/configuration.md',
        'docs/operations.md',
        'docs/architecture.md',
        'docs/reliability.md',
        'docs/simulator.md',
        'docs/images/live-page.png',
        'bench/README.md',
      ]),
    );
  });
});

describe("the project's documents", () => {
  it('are the README, docs/ and the bench README', () => {
    expect(DOCUMENTS).toEqual(expect.arrayContaining(['README.md', join('docs', 'configuration.md')]));
    expect(DOCUMENTS).toContain(join('bench', 'README.md'));
  });

  it('run only npm scripts that exist', () => {
    const used = DOCUMENTS.flatMap((path) =>
      [...read(path).matchAll(/npm run ([a-z:-]+)/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(5);
    for (const script of new Set(used))
      expect([script, scripts[script] !== undefined]).toEqual([script, true]);
  });

  it.each(DOCUMENTS)('%s links only to files of the repository that exist', (path) => {
    for (const link of relativeLinks(read(path))) {
      const target = resolve(ROOT, dirname(path), link);
      const inside = !relative(ROOT, target).startsWith('..');
      expect([link, inside && existsSync(target)]).toEqual([link, true]);
    }
  });
});

describe('every markdown file of the project', () => {
  const files = markdownFiles();

  it('is found: the documents, the bench journal, the example', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        join('bench', 'journal', 'README.md'),
        join('bench', 'RESULTS.md'),
        join('examples', 'README.md'),
      ]),
    );
  });

  it.each(files)('%s names no path outside the repository', (path) => {
    const text = read(path);
    // A path written out (`../x/y`), not only a link, must not climb out of the repository either.
    for (const [written] of text.matchAll(/(?:\.\.\/)+[\w.-]+/g)) {
      const target = resolve(ROOT, dirname(path), written);
      expect([written, relative(ROOT, target).startsWith('..')]).toEqual([written, false]);
    }
    for (const link of relativeLinks(text)) {
      const target = resolve(ROOT, dirname(path), link);
      expect([link, relative(ROOT, target).startsWith('..')]).toEqual([link, false]);
    }
  });
});
