import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaForPrinting, printSchemaWithDirectives } from '../../../src/graphql';

describe('schema/schema.graphql', () => {
  it('is the SDL printed from the code (run `npm run schema:print` after changing the schema)', async () => {
    const committed = readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8');
    expect(printSchemaWithDirectives(await buildSchemaForPrinting())).toBe(committed);
  });

  it('describes every type, field and argument, so that Sandbox explains the API', async () => {
    const schema = await buildSchemaForPrinting();
    const missing: string[] = [];
    const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue;
      if (!type.description && !roots.has(type as never)) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
