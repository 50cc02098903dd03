import { loadavg } from 'node:os';
import { join } from 'node:path';
import { forkBenchScript, repoRoot } from './support/child-process';
import { describeMachine } from './support/machine';
import { connectBenchRedis, redisVersion } from './support/redis-bench';
import { textTable, writeResults, type Figure, type ScenarioResult } from './support/report';
import { SCENARIOS, type ScenarioContext } from './scenarios';
import { closePoster } from './support/webhook-poster';

/**
 * Runs the scenarios named in argv (all by default), prints one table, and replaces those scenarios'
 * blocks in bench/RESULTS.md (the other scenarios' blocks stay as the last run that had them left them).
 * `--quick` shortens every measured run (for checking the harness, not for figures) and leaves
 * bench/RESULTS.md as it is.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const names = args.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  }
  const selected =
    names.length === 0 ? SCENARIOS : SCENARIOS.filter((scenario) => names.includes(scenario.name));

  const redis = connectBenchRedis();
  const upstream = await forkBenchScript('servers/instant-upstream.js', {});
  const figures: Figure[] = [];
  const notes: string[] = [];
  const started = Date.now();
  const context: ScenarioContext = {
    redis,
    upstream,
    measureSeconds: quick ? 2 : 5,
    warmUpSeconds: quick ? 1 : 2,
    figures,
    notes,
    progress: (message) =>
      process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${message}\n`),
  };
  const command = `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
  const results: ScenarioResult[] = [];
  try {
    const version = await redisVersion(redis);
    for (const scenario of selected) {
      const scenarioStarted = Date.now();
      const scenarioLoad = loadavg()[0] ?? 0;
      const [figuresBefore, notesBefore] = [figures.length, notes.length];
      try {
        await scenario.run(context);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        notes.push(`${scenario.name}: did not complete: ${message.split('\n')[0]}`);
        context.progress(`${scenario.name} failed: ${message}`);
      }
      results.push({
        scenario: scenario.name,
        machine: describeMachine(version, scenarioLoad),
        seconds: (Date.now() - scenarioStarted) / 1000,
        command,
        figures: figures.slice(figuresBefore),
        notes: notes.slice(notesBefore),
      });
    }
    notes.push(`whole run: ${((Date.now() - started) / 1000).toFixed(0)} s${quick ? ' (--quick)' : ''}.`);
    process.stdout.write(`${textTable(figures)}\n\n${notes.map((note) => `- ${note}`).join('\n')}\n`);
    if (quick) {
      context.progress('--quick: bench/RESULTS.md left as it is');
    } else {
      const order = SCENARIOS.map((scenario) => scenario.name);
      writeResults(join(repoRoot, 'bench/RESULTS.md'), results, order);
    }
  } finally {
    await upstream.stop();
    await closePoster();
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
