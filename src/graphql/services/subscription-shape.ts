import {
  execute,
  Kind,
  print,
  visit,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { type GatewayContext } from '../context';
import { type FanoutShape } from './status-fanout';
import { type StatusEventWithMessage } from './status-event-stream';

/** Describes one subscription operation whose single root field is the fan-out's. */
export interface SubscriptionShapeOptions {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  field: FieldNode;
  /** The variables as the client sent them (execution coerces them again). */
  variableValues: Readonly<Record<string, unknown>> | null | undefined;
  /** A fresh context per render, so that loaders never serve one event's records to the next. */
  createContext: () => GatewayContext;
  /** Who may see what: subscribers with different scopes never share a render. */
  scopesKey: string;
}

/** Fragments the selection uses, and the variables it reads (the root field's own arguments aside). */
function dependencies(
  document: DocumentNode,
  field: FieldNode,
): { fragments: FragmentDefinitionNode[]; variables: string[] } {
  const definitions = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) definitions.set(definition.name.value, definition);
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  const variables = new Set<string>();
  const walk = (node: FieldNode['selectionSet'] | FragmentDefinitionNode): void => {
    if (!node) return;
    visit(node, {
      Variable: (variable) => void variables.add(variable.name.value),
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        const definition = definitions.get(name);
        if (!definition || fragments.has(name)) return;
        fragments.set(name, definition);
        walk(definition);
      },
    });
  };
  walk(field.selectionSet);
  for (const directive of field.directives ?? [])
    visit(directive, { Variable: (v) => void variables.add(v.name.value) });
  return { fragments: [...fragments.values()], variables: [...variables].sort() };
}

/**
 * The render of one subscription's selection: subscribers whose selections print the same, read the
 * same variable values and hold the same scopes share one execution per event. The root field's own
 * arguments (the filter and `since`) do not change what an event looks like, so they stay out of the key.
 */
export function subscriptionShape(options: SubscriptionShapeOptions): FanoutShape {
  const { fragments, variables } = dependencies(options.document, options.field);
  const values = variables.map((name) => [name, options.variableValues?.[name] ?? null]);
  const defaults = (options.operation.variableDefinitions ?? [])
    .filter((definition) => variables.includes(definition.variable.name.value))
    .map((definition) => print(definition));
  const key = [
    options.field.alias?.value ?? options.field.name.value,
    // The arguments are left out: they pick events, they do not change how one looks.
    print({ ...options.field, arguments: [] }),
    fragments.map((fragment) => print(fragment)).join(' '),
    JSON.stringify(values),
    defaults.join(','),
    options.scopesKey,
  ].join('\u0000');
  const { schema, document, variableValues, createContext } = options;
  const operationName = options.operation.name?.value ?? null;
  return {
    key,
    async render(payload: StatusEventWithMessage): Promise<string> {
      const result: ExecutionResult = await execute({
        schema,
        document,
        operationName,
        rootValue: payload,
        contextValue: createContext(),
        variableValues,
      });
      return JSON.stringify(
        result.errors
          ? { data: result.data, errors: result.errors.map((error) => error.toJSON()) }
          : { data: result.data },
      );
    },
  };
}
