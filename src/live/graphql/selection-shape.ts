import {
  print,
  visit,
  type ASTNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
} from 'graphql';
import { type FanoutShape } from '../engine/fanout-subscriber';
import { type LiveTransport } from './transport';

/**
 * The operation with the subscription field's own arguments left out (they pick events, they do not
 * change how one looks), the fragments it uses, and the variables the rest of it reads.
 */
function renderedPart(info: GraphQLResolveInfo): {
  printed: string[];
  variables: string[];
} {
  const fieldNodes = new Set<FieldNode>(info.fieldNodes);
  const variables = new Set<string>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  const strip = <T extends ASTNode>(node: T): T =>
    visit(node, {
      Field: (field) => (fieldNodes.has(field) ? { ...field, arguments: [] } : undefined),
    });
  const walk = (node: ASTNode): void => {
    visit(node, {
      Variable: (variable) => void variables.add(variable.name.value),
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        const definition = info.fragments[name];
        if (!definition || fragments.has(name)) return;
        const stripped = strip(definition);
        fragments.set(name, stripped);
        walk(stripped);
      },
    });
  };
  const selection = strip(info.operation.selectionSet);
  walk(selection);
  for (const directive of info.operation.directives ?? []) walk(directive);
  return {
    printed: [print(selection), ...[...fragments.values()].map((fragment) => print(fragment))],
    variables: [...variables].sort(),
  };
}

/**
 * The render of one subscription's selection: subscribers whose selections print the same, read the same
 * variable values and share an `audienceKey` (who may see what) share one execution per event, whatever
 * directives, aliases or fragments the selection uses.
 */
export function selectionShape(
  info: GraphQLResolveInfo,
  transport: LiveTransport,
  audienceKey: string,
): FanoutShape<unknown, string> {
  const { printed, variables } = renderedPart(info);
  // Only what a render needs is kept: the shape outlives the subscriber that made it.
  const { document, operationName = null, variableValues } = transport.request;
  const { execute, renderContext, formatError } = transport;
  const values = variables.map((name) => [name, variableValues?.[name] ?? null]);
  const defaults = (info.operation.variableDefinitions ?? [])
    .filter((definition) => variables.includes(definition.variable.name.value))
    .map((definition) => print(definition));
  const key = [...printed, JSON.stringify(values), defaults.join(','), audienceKey].join('\u0000');
  return {
    key,
    async render(payload: unknown): Promise<string> {
      const contextValue = renderContext();
      const result: ExecutionResult = await execute({
        document,
        operationName,
        rootValue: payload,
        contextValue,
        variableValues,
      });
      return JSON.stringify(
        result.errors
          ? {
              data: result.data,
              errors: result.errors.map((error) => formatError(error, contextValue)),
            }
          : { data: result.data },
      );
    },
  };
}
