import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchemaWithDirectives } from './print-sdl';
import { buildSchemaForPrinting } from './build-schema';

/** `npm run schema:print`: writes the SDL that front-end code generators read. */
async function main(): Promise<void> {
  const target = join(process.cwd(), 'schema', 'schema.graphql');
  writeFileSync(target, printSchemaWithDirectives(await buildSchemaForPrinting()));
  process.stdout.write(`wrote ${target}\n`);
}

void main();
